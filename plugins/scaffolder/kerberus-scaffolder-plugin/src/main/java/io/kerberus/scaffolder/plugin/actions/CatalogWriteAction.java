package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** {@code catalog:write}: writes an entity as YAML into the workspace ({@code catalog-info.yaml} by default). */
public final class CatalogWriteAction implements Action {

    static final String ID = "catalog:write";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Writes the catalog-info.yaml for your template";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object().required("entity")
                .string("filePath", "Catalog file path", "Defaults to catalog-info.yaml")
                .obj("entity", "Entity info to write catalog-info.yaml", "You can provide the same values used in the Entity schema.")
                .build();
    }

    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public void run(ActionContext ctx) throws Exception {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        Map<String, Object> entity = in.object("entity").orElseThrow(() -> in.invalid("entity", "is required"));
        String filePath = in.string("filePath").filter(s -> !s.isBlank()).orElse("catalog-info.yaml");
        ctx.resolve(filePath, "filePath");
        ctx.log("Writing " + filePath);
        String yaml = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(entity);
        WorkspaceFiles.write(ctx, filePath, yaml.getBytes(StandardCharsets.UTF_8), "filePath");
    }
}
