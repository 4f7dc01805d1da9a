package io.kerberus.techdocs.plugin.mkdocs;

import io.kerberus.techdocs.plugin.markdown.MarkdownExtension;
import io.kerberus.techdocs.plugin.markdown.Warning;

import java.util.List;

/**
 * The parts of mkdocs.yml that Kerberus builds from.
 *
 * @param file               the config's file name ({@code mkdocs.yml}), for warnings
 * @param siteName           {@code site_name}
 * @param siteDescription    {@code site_description}, may be empty
 * @param docsDir            {@code docs_dir}, relative to the config's folder, {@code docs} by default
 * @param repoUrl            {@code repo_url}, may be empty
 * @param editUri            {@code edit_uri}, relative to the repo URL or absolute, may be empty
 * @param nav                {@code nav}, or null when absent (the nav is then made from the files)
 * @param extensions         {@code markdown_extensions}, plus those the {@code techdocs-core} plugin implies
 * @param plugins            the names under {@code plugins}
 * @param useDirectoryUrls   {@code use_directory_urls}, true by default
 * @param warnings           what the builder ignores: unknown plugins, keys it cannot honour
 */
public record MkdocsConfig(String file, String siteName, String siteDescription, String docsDir, String repoUrl, String editUri,
                           List<NavEntry> nav, List<MarkdownExtension> extensions, List<String> plugins, boolean useDirectoryUrls,
                           List<Warning> warnings) {

    public MkdocsConfig {
        nav = nav == null ? null : List.copyOf(nav);
        extensions = List.copyOf(extensions);
        plugins = List.copyOf(plugins);
        warnings = List.copyOf(warnings);
    }
}
