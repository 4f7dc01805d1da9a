package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;
import io.kerberus.scaffolder.plugin.template.SkeletonRenderer;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The actions the scaffolder ships, wired to the catalog and the integrations. */
public final class BuiltinActions {

    private BuiltinActions() {
    }

    /**
     * @param catalog      the catalog client (asked lazily: it may start after the scaffolder)
     * @param types        which integration type serves a host, for {@code repoUrl}s
     * @param github       the {@code integrations.github} entry for a host
     * @param access       what a task's creator may do, for the catalog actions
     */
    public static List<Action> create(Supplier<CatalogClient> catalog, ScmIntegrationTypes types,
            Function<String, Optional<GithubIntegration>> github, CreatorAccess access) {
        return create(catalog, types, github, host -> Optional.empty(), access);
    }

    /**
     * @param catalog      the catalog client (asked lazily: it may start after the scaffolder)
     * @param types        which integration type serves a host, for {@code repoUrl}s
     * @param github       the {@code integrations.github} entry for a host
     * @param gitlab       the {@code integrations.gitlab} entry for a host
     * @param access       what a task's creator may do, for the catalog actions
     */
    public static List<Action> create(Supplier<CatalogClient> catalog, ScmIntegrationTypes types,
            Function<String, Optional<GithubIntegration>> github, Function<String, Optional<GitlabIntegration>> gitlab,
            CreatorAccess access) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        TemplateSource source = new TemplateSource(() -> catalog.get().fileRoots(), () -> catalog.get().reader(),
                new GithubTreeReader(github, http));
        return List.of(
                new FetchPlainAction(source),
                new FetchPlainFileAction(source),
                new FetchTemplateAction(source, new SkeletonRenderer(types)),
                new FsDeleteAction(),
                new FsRenameAction(),
                new DebugLogAction(),
                new DebugWaitAction(),
                new CatalogRegisterAction(catalog, Duration.ofSeconds(10), access),
                new CatalogWriteAction(),
                new CatalogFetchAction(catalog, access),
                new PublishGitAction(() -> catalog.get().fileRoots()),
                new PublishGithubAction(types, github, http),
                new PublishGithubPullRequestAction(types, github, http),
                new PublishGitlabAction(types, gitlab, http),
                new PublishGitlabMergeRequestAction(types, gitlab, http));
    }
}
