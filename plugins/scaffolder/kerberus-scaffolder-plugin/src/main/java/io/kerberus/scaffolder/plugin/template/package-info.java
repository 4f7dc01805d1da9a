/**
 * The templating core of the scaffolder: Backstage's Nunjucks dialect ({@code ${{ expr }}}
 * expressions, {@code {% %}} blocks, the {@code parseRepoUrl}, {@code parseEntityRef},
 * {@code pick} and {@code projectSlug} filters) on Jinjava, step-input rendering that keeps JSON
 * types, {@code if:} truthiness, and {@code fetch:template}'s skeleton rendering into a workspace.
 *
 * <p>Differences from Backstage, all deliberate: undefined and {@code null} are one value (Jinjava
 * has no {@code undefined}), so an input that renders to either is dropped; a step input whose
 * template fails raises {@link io.kerberus.scaffolder.plugin.template.TemplateException} instead
 * of silently keeping the raw {@code ${{ }}} text; a filter that does not exist is an error, not
 * an empty string; lists and maps interpolated into a longer string print Jinja-style
 * ({@code ['a', 'b']}) where JavaScript prints {@code a,b}.
 */
package io.kerberus.scaffolder.plugin.template;
