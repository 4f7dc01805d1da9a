package io.kerberus.platform.permission;

import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Permission;
import io.kerberus.plugin.PolicyDecision;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/permission}: Backstage's {@code POST /authorize}, and for admins the audit log, the
 * roles, the declared permissions and the explainer.
 */
public final class PermissionRoutes {

    private final PermissionService permissions;
    private final JdbcAuditLog audit;

    public PermissionRoutes(PermissionService permissions, JdbcAuditLog audit) {
        this.permissions = permissions;
        this.audit = audit;
    }

    public void mount(Routes routes) {
        routes.post("/authorize", this::authorize);
        routes.get("/audit", this::audit);
        routes.get("/permissions", request -> {
            permissions.requireAdmin(request.requirePrincipal());
            return Map.of("items", permissions.declared().stream().map(PermissionRoutes::permissionJson).toList());
        });
        routes.get("/explain", this::explain);
    }

    private Object authorize(Request request) {
        Principal principal = request.requirePrincipal();
        Map<?, ?> body = request.bodyAs(Map.class);
        if (!(body.get("items") instanceof List<?> items)) {
            throw new InputException("Invalid request body: 'items' must be a list of {id, permission, resourceRef?}");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw new InputException("items[" + i + "] must be an object");
            }
            Permission asked = permission(item.get("permission"), "items[" + i + "].permission");
            // the declared permission decides, not the caller's attributes and resource type (which
            // could otherwise dodge the rules matching them); an undeclared one is denied
            Permission permission = permissions.find(asked.name()).orElse(null);
            Object resourceRef = item.get("resourceRef");
            if (resourceRef != null && !(permission != null ? permission : asked).isResource()) {
                throw new InputException("items[" + i + "]: resourceRef is only allowed with a resource permission");
            }
            PolicyDecision decision = permission == null ? PolicyDecision.deny("unknown permission " + asked.name())
                    : resourceRef == null ? permissions.decide(principal, permission)
                    : permissions.decide(principal, permission, resourceRef.toString());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", item.get("id"));
            result.put("result", decision.result().name());
            if (decision.isConditional()) {
                result.put("pluginId", decision.pluginId());
                result.put("resourceType", decision.resourceType());
                result.put("conditions", decision.conditions().toJson());
            }
            out.add(result);
        }
        return Map.of("items", out);
    }

    /** A permission in Backstage's shape: {type: basic|resource, name, attributes: {action}, resourceType?}. */
    static Permission permission(Object json, String where) {
        if (!(json instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)) {
            throw new InputException(where + " must be {type, name, attributes, resourceType?}");
        }
        Object type = map.get("type");
        Object resourceType = map.get("resourceType");
        if ("resource".equals(type) && resourceType == null) {
            throw new InputException(where + ": a resource permission needs a resourceType");
        }
        Object action = map.get("attributes") instanceof Map<?, ?> attributes ? attributes.get("action") : null;
        try {
            return new Permission(name, action == null ? null : action.toString(), "basic".equals(type) || resourceType == null ? null : resourceType.toString());
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + e.getMessage());
        }
    }

    static Map<String, Object> permissionJson(Permission permission) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", permission.type());
        out.put("name", permission.name());
        out.put("attributes", permission.attributes());
        if (permission.isResource()) {
            out.put("resourceType", permission.resourceType());
        }
        return out;
    }

    private Object audit(Request request) {
        permissions.requireAdmin(request.requirePrincipal());
        int limit = number(request, "limit", 100);
        int offset = number(request, "offset", 0);
        List<AuditEntry> entries = audit.list(request.queryParam("action").orElse(""), limit, offset);
        return Map.of("items", entries);
    }

    private Object explain(Request request) {
        permissions.requireAdmin(request.requirePrincipal());
        String user = request.queryParam("user").orElseThrow(() -> new InputException("Give user, such as user=user:default/jane"));
        String permission = request.queryParam("permission").orElseThrow(() -> new InputException("Give permission, such as permission=catalog.entity.delete"));
        PermissionService.Explanation explanation = permissions.explain(user, permission, request.queryParam("resourceRef").orElse(null));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", explanation.decision().result().name());
        out.put("reason", explanation.decision().reason());
        out.put("user", explanation.user().subject());
        out.put("ownershipRefs", explanation.user().ownershipRefs());
        if (explanation.decision().isConditional()) {
            out.put("conditions", explanation.decision().conditions().toJson());
        }
        return out;
    }

    private static int number(Request request, String name, int fallback) {
        String text = request.queryParam(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InputException(name + " must be a whole number; got " + text);
        }
    }
}
