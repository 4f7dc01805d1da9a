package io.kerberus.scaffolder.plugin.ui;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.plugin.ui.Icon;
import io.kerberus.plugin.ui.NavItem;
import io.kerberus.plugin.ui.Pages;
import io.kerberus.scaffolder.plugin.api.TaskLauncher;
import io.kerberus.scaffolder.plugin.form.PickerSource;
import io.kerberus.scaffolder.plugin.tasks.TaskStore;

import java.util.function.Supplier;

/**
 * The scaffolder's pages under {@code /create}, where Backstage has them: the template gallery, the
 * form of a template, and the runs with their live logs.
 */
public final class CreatePages {

    private CreatePages() {
    }

    /**
     * Mounts the pages.
     *
     * @param pages    the plugin's pages
     * @param launcher starts, cancels and retries tasks
     * @param store    the tasks
     * @param catalog  the catalog, looked up on first use
     * @param pickers  the catalog data of the field pickers
     */
    public static void mount(Pages pages, TaskLauncher launcher, TaskStore store, Supplier<CatalogClient> catalog, PickerSource pickers) {
        Pages create = pages.under("/create");
        create.nav(new NavItem("Create", "/create", Icon.CREATE, 400));
        pages.stylesheet("/static/scaffolder/scaffolder.css");
        pages.script("/static/scaffolder/scaffolder.js");
        TemplateWizard wizard = new TemplateWizard(launcher, pickers);
        TaskPages tasks = new TaskPages(launcher, store);
        create.get("", request -> new TemplateGallery(catalog.get(), launcher.access()).render(request));
        create.get("/templates/{namespace}/{name}", wizard::start);
        create.post("/templates/{namespace}/{name}", wizard::post);
        create.get("/tasks", tasks::list);
        create.get("/tasks/{taskId}", tasks::show);
        create.post("/tasks/{taskId}/cancel", tasks::cancel);
        create.post("/tasks/{taskId}/retry", tasks::retry);
    }
}
