package io.kerberus.platform.scheduler;

import io.kerberus.plugin.Schedule;
import io.kerberus.plugin.Tasks;

/** A plugin's view of the scheduler: its task ids are prefixed with the plugin id. */
public final class PluginTasks implements Tasks {

    private final JdbcScheduler scheduler;
    private final String pluginId;

    public PluginTasks(JdbcScheduler scheduler, String pluginId) {
        this.scheduler = scheduler;
        this.pluginId = pluginId;
    }

    @Override
    public void schedule(String id, Schedule schedule, Task task) {
        if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("Task id '" + id + "' of plugin '" + pluginId + "' must be kebab-case");
        }
        scheduler.register(pluginId + "." + id, schedule, task);
    }

    @Override
    public void trigger(String id) {
        scheduler.trigger(pluginId + "." + id);
    }
}
