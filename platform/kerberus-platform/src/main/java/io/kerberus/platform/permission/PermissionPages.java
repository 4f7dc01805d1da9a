package io.kerberus.platform.permission;

import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.Forms;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Pages;
import io.kerberus.plugin.ui.View;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The permission admin page at {@code /permission}, for admins only: the roles (config roles
 * read-only, database roles editable), the "why" explainer and the latest audit rows.
 */
public final class PermissionPages {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final PermissionService permissions;
    private final RoleStore roles;
    private final JdbcAuditLog audit;

    public PermissionPages(PermissionService permissions, RoleStore roles, JdbcAuditLog audit) {
        this.permissions = permissions;
        this.roles = roles;
        this.audit = audit;
    }

    public void mount(Pages pages) {
        pages.get("/", this::page);
        pages.post("/roles", this::save);
        pages.post("/roles/{name}/delete", this::delete);
    }

    private Object page(Request request) {
        Principal user = request.requirePrincipal();
        permissions.requireAdmin(user);
        Html notice = request.queryParam("notice").map(n -> Html.format("<p class=\"notice success\" role=\"status\">{}</p>", n)).orElse(Html.EMPTY);
        Optional<Role> editing = request.queryParam("edit").flatMap(roles::find).filter(r -> r.source().equals(Role.DATABASE));
        Html status = Html.format("<p class=\"muted\">{}</p>", permissions.settings().enabled()
                ? "Permissions are on: RBAC roles over the default policy."
                : "Permissions are off (permission.enabled: false, dangerous): every signed-in user and service may do everything.");
        return View.of("Permissions", Html.format("<div class=\"stack\">{}{}{}{}{}{}</div>", notice, status,
                Card.of("Roles", rolesTable(request)), Card.of(editing.isPresent() ? "Edit role" : "New role", roleForm(request, editing)),
                Card.of("Why? Check a permission", explainer(request)), Card.of("Audit log", auditTable())));
    }

    private Html rolesTable(Request request) {
        List<Role> all = roles.roles();
        if (all.isEmpty()) {
            return Html.trusted("<p class=\"muted\">No roles yet: the default policy decides.</p>");
        }
        List<Html> rows = all.stream().map(role -> Html.format(
                "<tr><td><strong>{}</strong><br><span class=\"muted small\">{}</span></td><td>{}</td><td>{}</td><td><pre class=\"small\">{}</pre></td><td>{}</td></tr>",
                role.name(), role.description(), role.source(), String.join(", ", role.members()),
                String.join("\n", role.rules().stream().map(RoleRule::describe).toList()), actions(request, role))).toList();
        return Html.format("""
                <div class="table-scroll"><table class="table"><thead><tr><th>Role</th><th>Source</th><th>Members</th><th>Rules</th><th></th></tr></thead>\
                <tbody>{}</tbody></table></div>""", Html.join(rows));
    }

    private static Html actions(Request request, Role role) {
        if (role.source().equals(Role.CONFIG)) {
            return Html.trusted("<span class=\"muted small\">read-only (config)</span>");
        }
        return Html.format("""
                <div class="row"><a class="button" href="/permission?edit={}">Edit</a>\
                <form method="post" action="/permission/roles/{}/delete">{}<button type="submit" class="button danger">Delete</button></form></div>""",
                role.name(), role.name(), Forms.csrfField(request));
    }

    private static Html roleForm(Request request, Optional<Role> editing) {
        String name = editing.map(Role::name).orElse("");
        String description = editing.map(Role::description).orElse("");
        String members = editing.map(r -> String.join("\n", r.members())).orElse("");
        String rules = editing.map(r -> yaml(r.rules().stream().map(RoleCodec::toMap).toList())).orElse("""
                - permission: catalog.entity.delete
                  decision: allow
                  conditions: {rule: IS_ENTITY_OWNER}
                """);
        return Html.format("""
                <form class="form" method="post" action="/permission/roles">{}\
                <div class="field"><label for="role-name">Name</label><input id="role-name" name="name" required value="{}"></div>\
                <div class="field"><label for="role-description">Description</label><input id="role-description" name="description" value="{}"></div>\
                <div class="field"><label for="role-members">Members</label><textarea id="role-members" name="members" rows="3">{}</textarea>\
                <p class="hint">One user or group ref a line, such as group:default/team-a; * for everyone.</p></div>\
                <div class="field"><label for="role-rules">Rules (YAML)</label><textarea id="role-rules" name="rules" rows="8" spellcheck="false">{}</textarea>\
                <p class="hint">Each rule: permission (a name or *) or resourceType, optional action, decision allow or deny, optional \
                conditions ({rule: IS_ENTITY_OWNER}, {rule: IS_ENTITY_KIND, params: {kinds: [api]}}, allOf/anyOf/not).</p></div>\
                <div class="form-actions"><button type="submit" class="button primary">Save role</button></div></form>""",
                Forms.csrfField(request), name, description, members, rules);
    }

    private Html explainer(Request request) {
        String user = request.queryParam("user").orElse("");
        String permission = request.queryParam("permission").orElse("");
        String entity = request.queryParam("entity").orElse("");
        Html answer = Html.EMPTY;
        if (!user.isBlank() && !permission.isBlank()) {
            try {
                PermissionService.Explanation explanation = permissions.explain(user.strip(), permission.strip(), entity.isBlank() ? null : entity.strip());
                String kind = explanation.decision().isAllowed() ? "success" : explanation.decision().isDenied() ? "error" : "warning";
                answer = Html.format("<pre class=\"notice {}\" role=\"status\" id=\"explanation\">{}</pre>", kind, explanation.text());
            } catch (InputException e) {
                answer = Html.format("<p class=\"notice error\" role=\"status\" id=\"explanation\">{}</p>", e.getMessage());
            }
        }
        Html options = Html.join(permissions.declared().stream()
                .map(p -> Html.format("<option value=\"{}\">", p.name())).toList());
        return Html.format("""
                <form class="form" method="get" action="/permission">\
                <div class="field"><label for="check-user">User</label><input id="check-user" name="user" placeholder="user:default/jane" value="{}"></div>\
                <div class="field"><label for="check-permission">Permission</label><input id="check-permission" name="permission" list="permission-names" \
                placeholder="catalog.entity.delete" value="{}"><datalist id="permission-names">{}</datalist></div>\
                <div class="field"><label for="check-entity">Entity (optional)</label><input id="check-entity" name="entity" placeholder="component:default/x" value="{}"></div>\
                <div class="form-actions"><button type="submit" class="button">Check</button></div></form>{}""",
                user, permission, options, entity, answer);
    }

    private Html auditTable() {
        List<AuditEntry> entries = audit.list("", 50, 0);
        if (entries.isEmpty()) {
            return Html.trusted("<p class=\"muted\">Nothing recorded yet.</p>");
        }
        List<Html> rows = entries.stream().map(e -> Html.format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code class=\"small\">{}</code></td></tr>",
                Instant.ofEpochMilli(e.occurredAt()).toString(), e.actor(), e.action(), e.target(),
                io.kerberus.platform.Json.write(e.details()))).toList();
        return Html.format("""
                <div class="table-scroll"><table class="table" id="audit-log"><thead><tr><th>When</th><th>Who</th><th>What</th><th>Target</th><th>Details</th></tr></thead>\
                <tbody>{}</tbody></table></div><p class="hint">The latest 50; all of them at /api/permission/audit.</p>""", Html.join(rows));
    }

    private Object save(Request request) {
        Principal user = request.requirePrincipal();
        permissions.requireAdmin(user);
        String name = request.formParam("name").orElse("");
        List<String> members = Arrays.stream(request.formParam("members").orElse("").split("[\\n,]"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<RoleRule> rules;
        try {
            Role.checkName(name);
            Object parsed = YAML.readValue(request.formParam("rules").orElse("[]"), Object.class);
            rules = RoleCodec.rulesFromJson(io.kerberus.platform.Json.write(parsed == null ? List.of() : parsed));
            for (int i = 0; i < rules.size(); i++) {
                try {
                    permissions.checkRule(rules.get(i));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("rule " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            throw new InputException("Role not saved: " + e.getMessage());
        }
        roles.save(new Role(name.strip(), request.formParam("description").orElse(""), members, rules, Role.DATABASE), user.subject());
        return Response.redirect("/permission?notice=" + java.net.URLEncoder.encode("Saved role " + name.strip(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private Object delete(Request request) {
        Principal user = request.requirePrincipal();
        permissions.requireAdmin(user);
        String name = request.pathParam("name");
        roles.delete(name, user.subject());
        return Response.redirect("/permission?notice=" + java.net.URLEncoder.encode("Deleted role " + name, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String yaml(Object value) {
        String text = YAML.writeValueAsString(value);
        return text.startsWith("---\n") ? text.substring(4) : text;
    }
}
