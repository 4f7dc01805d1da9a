package io.kerberus.scaffolder;

import java.util.Map;

/**
 * One kind of step a template runs, such as {@code fetch:template} or {@code publish:git}, with
 * Backstage's ids and inputs so that existing templates run unchanged. Add actions with
 * {@link ScaffolderExtensions#ACTIONS} from a module of the {@code scaffolder} plugin.
 */
public interface Action {

    /** The id templates name in {@code action:}, such as {@code fetch:template}. */
    String id();

    /** One line for {@code GET /api/scaffolder/v2/actions} and the actions page. */
    String description();

    /**
     * The JSON Schema of the step's {@code input} (an object schema as plain data: maps, lists,
     * strings, numbers, booleans). The runner checks every input against it before {@link #run}
     * and names the wrong field.
     */
    Map<String, Object> inputSchema();

    /** The JSON Schema of what {@link ActionContext#output} receives; empty when the action has no outputs. */
    default Map<String, Object> outputSchema() {
        return Map.of();
    }

    /**
     * Whether a dry run may call {@link #run} (it then sees {@link ActionContext#dryRun()} true and
     * must not change anything outside the workspace); otherwise the dry run only logs the step.
     */
    default boolean supportsDryRun() {
        return false;
    }

    /** Runs the step; throw with a message a template author can act on. */
    void run(ActionContext context) throws Exception;
}
