package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.catalog.Entity;
import io.kerberus.plugin.Permission;
import io.kerberus.scaffolder.ActionContext;

/**
 * What the creator of a task may do. Actions that reach beyond the workspace (the catalog,
 * notifications) act with the authority of the user who started the task or dry run, not with the
 * scaffolder's own: a template can read and change only what its user could through the API. Tasks
 * started by services (no user) keep the service's authority. The scaffolder's implementation is
 * {@code api.ScaffolderAccess}.
 */
public interface CreatorAccess {

    /** Allows everything: for tests and for actions used outside a portal with permissions. */
    CreatorAccess UNRESTRICTED = new CreatorAccess() {
        @Override
        public boolean mayRead(ActionContext ctx, Entity entity) {
            return true;
        }

        @Override
        public void require(ActionContext ctx, Permission permission) {
        }

        @Override
        public boolean allowed(ActionContext ctx, Permission permission) {
            return true;
        }
    };

    /** Whether the task's creator may read this entity ({@code catalog.entity.read}). */
    boolean mayRead(ActionContext ctx, Entity entity);

    /** Whether the task's creator is allowed a basic permission (no resource). */
    boolean allowed(ActionContext ctx, Permission permission);

    /**
     * Throws {@link io.kerberus.plugin.NotAllowedException} naming the permission and the deciding rule
     * unless the task's creator is allowed this basic permission.
     */
    void require(ActionContext ctx, Permission permission);
}
