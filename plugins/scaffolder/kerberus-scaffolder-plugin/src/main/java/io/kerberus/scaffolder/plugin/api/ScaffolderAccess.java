package io.kerberus.scaffolder.plugin.api;

import io.kerberus.catalog.Entity;
import io.kerberus.plugin.NotAllowedException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Permission;
import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionRule;
import io.kerberus.plugin.Permissions;
import io.kerberus.plugin.PolicyDecision;
import io.kerberus.plugin.Principal;
import io.kerberus.scaffolder.ActionContext;
import io.kerberus.scaffolder.plugin.actions.CreatorAccess;
import io.kerberus.scaffolder.plugin.tasks.TaskRecord;
import io.kerberus.scaffolder.plugin.tasks.TaskStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The scaffolder's permissions, with Backstage's names: {@code scaffolder.template.parameter.read}
 * (on {@code scaffolder-template}), {@code scaffolder.task.create}, and {@code scaffolder.task.read}
 * and {@code scaffolder.task.cancel} (on {@code scaffolder-task}, rule {@code IS_TASK_OWNER
 * {createdBy}}). A template the caller may not read ({@code catalog.entity.read}) or a task they may
 * not read answers 404, like the catalog; other denials answer 403 naming the permission and rule.
 * As a {@link CreatorAccess} it decides what a task's actions may do in the name of its creator.
 */
public final class ScaffolderAccess implements CreatorAccess {

    /** Backstage's {@code RESOURCE_TYPE_SCAFFOLDER_TEMPLATE}. */
    public static final String TEMPLATE = "scaffolder-template";
    /** Backstage's {@code RESOURCE_TYPE_SCAFFOLDER_TASK}. */
    public static final String TASK = "scaffolder-task";
    public static final Permission PARAMETER_READ = Permission.resource("scaffolder.template.parameter.read", "read", TEMPLATE);
    public static final Permission TASK_CREATE = Permission.basic("scaffolder.task.create", "create");
    public static final Permission TASK_READ = Permission.resource("scaffolder.task.read", "read", TASK);
    public static final Permission TASK_CANCEL = Permission.resource("scaffolder.task.cancel", null, TASK);
    static final Permission ENTITY_READ = Permission.resource("catalog.entity.read", "read", "catalog-entity");
    private static final int SCAN_PAGE = 1_000;

    private final Permissions permissions;

    /**
     * Declares the permissions and resource types.
     *
     * @param permissions the framework
     * @param templates   a Template entity by ref, for single-template decisions
     * @param tasks       the tasks, for single-task decisions
     */
    public ScaffolderAccess(Permissions permissions, Function<String, Optional<Entity>> templates, TaskStore tasks) {
        this.permissions = permissions;
        permissions.declare(PARAMETER_READ, TASK_CREATE, TASK_READ, TASK_CANCEL);
        permissions.resourceType(TEMPLATE, ref -> templates.apply(ref).map(Entity::data));
        permissions.resourceType(TASK, id -> tasks.find(id).map(ScaffolderAccess::resource), new PermissionRule() {
            @Override
            public String name() {
                return "IS_TASK_OWNER";
            }

            @Override
            public String description() {
                return "the task was started by one of params.createdBy";
            }

            @Override
            public boolean apply(Map<String, Object> task, Map<String, Object> params) {
                String creator = String.valueOf(task.get("createdBy"));
                return createdBy(params).stream().anyMatch(creator::equalsIgnoreCase);
            }
        });
    }

    /** 404 unless the caller may read the template's entity; 403 unless they may read its parameters. */
    public void requireTemplate(Principal caller, Entity template) {
        if (!mayReadEntity(caller, template)) {
            throw new NotFoundException("No template " + template.ref() + " in the catalog");
        }
        if (!holds(caller, PARAMETER_READ, TEMPLATE, template.data())) {
            throw denied(caller, PARAMETER_READ, template.ref().toString());
        }
    }

    /** Whether the caller may read the entity ({@code catalog.entity.read}); false without a caller. */
    public boolean mayReadEntity(Principal caller, Entity entity) {
        return holds(caller, ENTITY_READ, "catalog-entity", entity.data());
    }

    /**
     * Which entities the caller may read, decided once for a list (the form's pickers): empty when they
     * may read every entity, else a test per entity with the same rules as {@link #mayReadEntity}.
     */
    public Optional<Predicate<Entity>> readableEntities(Principal caller) {
        PolicyDecision decision = caller == null ? PolicyDecision.deny("no credential") : permissions.authorize(caller, ENTITY_READ);
        if (decision.isAllowed()) {
            return Optional.empty();
        }
        return Optional.of(entity -> holds(decision, "catalog-entity", entity.data()));
    }

    /** The task's creator may read the entity; a task without a user (started by a service) may. */
    @Override
    public boolean mayRead(ActionContext ctx, Entity entity) {
        Optional<Principal> creator = creator(ctx);
        return creator.isEmpty() || mayReadEntity(creator.get(), entity);
    }

    @Override
    public boolean allowed(ActionContext ctx, Permission permission) {
        Optional<Principal> creator = creator(ctx);
        return creator.isEmpty() || permissions.authorize(creator.get(), permission).isAllowed();
    }

    @Override
    public void require(ActionContext ctx, Permission permission) {
        if (!allowed(ctx, permission)) {
            throw denied(creator(ctx).orElseThrow(), permission, null);
        }
    }

    /**
     * Who a step acts for: a dry run's caller as they signed in; a stored task's creator with their
     * ownership refs (groups) looked up now, as the explainer does, since a task outlives the request.
     */
    private Optional<Principal> creator(ActionContext ctx) {
        return ctx.user().map(user -> user.isUser() && !ctx.dryRun()
                ? Principal.user(user.subject(), permissions.ownershipOf(user.subject()), user.displayName()) : user);
    }

    /** Whether the caller may see the template in the gallery and open its form. */
    public boolean mayUse(Principal caller, Entity template) {
        return mayReadEntity(caller, template) && holds(caller, PARAMETER_READ, TEMPLATE, template.data());
    }

    /** 403 unless the caller may start tasks. */
    public void requireCreate(Principal caller) {
        if (caller == null || !permissions.authorize(caller, TASK_CREATE).isAllowed()) {
            throw denied(caller, TASK_CREATE, null);
        }
    }

    /** Whether the caller may read the task (its creator, an admin, a service by default). */
    public boolean mayRead(Principal caller, TaskRecord task) {
        return holds(caller, TASK_READ, TASK, resource(task));
    }

    /** Whether the caller may cancel (and retry) the task. */
    public boolean mayCancel(Principal caller, TaskRecord task) {
        return holds(caller, TASK_CANCEL, TASK, resource(task));
    }

    /** 403 unless {@link #mayCancel}. */
    public void requireCancel(Principal caller, TaskRecord task) {
        if (!mayCancel(caller, task)) {
            throw denied(caller, TASK_CANCEL, task.id());
        }
    }

    /**
     * A page of the tasks the caller may read: the {@code scaffolder.task.read} conditions become a
     * {@code createdBy} filter of the query where they are {@code IS_TASK_OWNER} rules; other
     * conditions are checked task by task over all matches, so totals and pages stay right.
     */
    public TaskStore.Page list(TaskStore store, Principal caller, List<String> createdBy, List<io.kerberus.scaffolder.plugin.tasks.TaskStatus> statuses,
                               int offset, int limit) {
        PolicyDecision decision = caller == null ? PolicyDecision.deny("no credential") : permissions.authorize(caller, TASK_READ);
        if (decision.isAllowed()) {
            return store.list(createdBy, statuses, offset, limit);
        }
        if (decision.isDenied()) {
            return new TaskStore.Page(List.of(), 0);
        }
        Optional<Set<String>> owners = owners(decision.conditions());
        if (owners.isPresent()) {
            List<String> both = createdBy.isEmpty() ? new ArrayList<>(owners.get())
                    : createdBy.stream().filter(c -> owners.get().stream().anyMatch(c::equalsIgnoreCase)).toList();
            return both.isEmpty() ? new TaskStore.Page(List.of(), 0) : store.list(both, statuses, offset, limit);
        }
        List<TaskRecord> readable = new ArrayList<>();
        for (int from = 0; ; from += SCAN_PAGE) {
            List<TaskRecord> page = store.list(createdBy, statuses, from, SCAN_PAGE).items();
            page.stream().filter(t -> permissions.matches(decision.conditions(), TASK, resource(t))).forEach(readable::add);
            if (page.size() < SCAN_PAGE) {
                break;
            }
        }
        return new TaskStore.Page(readable.subList(Math.min(offset, readable.size()), Math.min(readable.size(), offset + limit)), readable.size());
    }

    /** The creators an {@code IS_TASK_OWNER} criteria allows, when it says no more than that. */
    static Optional<Set<String>> owners(PermissionCriteria criteria) {
        switch (criteria) {
            case PermissionCriteria.Condition c when c.rule().equals("IS_TASK_OWNER") || c.rule().equals("isTaskOwner") -> {
                return Optional.of(new LinkedHashSet<>(createdBy(c.params())));
            }
            case PermissionCriteria.AnyOf any -> {
                Set<String> union = new LinkedHashSet<>();
                for (PermissionCriteria each : any.criteria()) {
                    Optional<Set<String>> part = owners(each);
                    if (part.isEmpty()) {
                        return Optional.empty();
                    }
                    union.addAll(part.get());
                }
                return Optional.of(union);
            }
            case PermissionCriteria.AllOf all when !all.criteria().isEmpty() -> {
                Set<String> common = null;
                for (PermissionCriteria each : all.criteria()) {
                    Optional<Set<String>> part = owners(each);
                    if (part.isEmpty()) {
                        return Optional.empty();
                    }
                    if (common == null) {
                        common = new LinkedHashSet<>(part.get());
                    } else {
                        common.retainAll(part.get());
                    }
                }
                return Optional.of(common);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private boolean holds(Principal caller, Permission permission, String resourceType, Map<String, Object> resource) {
        if (caller == null) {
            return false;
        }
        return holds(permissions.authorize(caller, permission), resourceType, resource);
    }

    private boolean holds(PolicyDecision decision, String resourceType, Map<String, Object> resource) {
        return switch (decision.result()) {
            case ALLOW -> true;
            case DENY -> false;
            case CONDITIONAL -> resourceType.equals(decision.resourceType()) && permissions.matches(decision.conditions(), resourceType, resource);
        };
    }

    private NotAllowedException denied(Principal caller, Permission permission, String resourceRef) {
        if (caller == null) {
            return new NotAllowedException("A credential is needed for " + permission.name());
        }
        PolicyDecision decision = resourceRef == null || !permission.isResource()
                ? permissions.authorize(caller, permission) : permissions.authorize(caller, permission, resourceRef);
        return new NotAllowedException(caller.subject() + " may not " + permission.name() + (resourceRef == null ? "" : " on " + resourceRef)
                + " (decided by " + decision.reason() + ")");
    }

    private static Map<String, Object> resource(TaskRecord task) {
        Map<String, Object> out = new HashMap<>();
        out.put("id", task.id());
        out.put("createdBy", task.createdBy());
        out.put("templateRef", task.templateRef());
        return out;
    }

    private static List<String> createdBy(Map<String, Object> params) {
        Object value = params.get("createdBy");
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (value != null) {
            out.add(value.toString());
        }
        return out;
    }
}
