package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.scaffolder.ActionContext;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code actions} of one {@code POST /projects/:id/repository/commits}, as Backstage's
 * {@code publish:gitlab:merge-request} builds them: every file with the given {@code commitAction}, or with
 * {@code auto}, {@code create} for files the target branch lacks, {@code update} for changed ones and nothing
 * for files whose {@code content_sha256} is the same.
 */
final class GitlabCommitActions {

    private GitlabCommitActions() {
    }

    static List<Map<String, Object>> of(ActionContext ctx, GitlabApi api, String project, String ref, String targetPath,
            Map<String, DirectoryContents.Entry> files, String commitAction) throws IOException, InterruptedException {
        Set<String> remote = commitAction.equals("auto") ? remoteFiles(ctx, api, project, ref, targetPath) : Set.of();
        List<Map<String, Object>> actions = new ArrayList<>();
        for (Map.Entry<String, DirectoryContents.Entry> file : files.entrySet()) {
            String action = commitAction.equals("auto") ? auto(ctx, api, project, ref, file.getKey(), file.getValue(), remote) : commitAction;
            if (action.equals("skip")) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("action", action);
            entry.put("file_path", file.getKey());
            if (!action.equals("delete")) {
                entry.put("encoding", "base64");
                entry.put("content", Base64.getEncoder().encodeToString(file.getValue().content()));
                entry.put("execute_filemode", file.getValue().executable());
            }
            actions.add(entry);
        }
        return actions;
    }

    private static String auto(ActionContext ctx, GitlabApi api, String project, String ref, String path, DirectoryContents.Entry file,
            Set<String> remote) throws IOException, InterruptedException {
        if (!remote.contains(path)) {
            return "create";
        }
        GitlabApi.Reply shown = api.send("GET", project + "/repository/files/" + GitlabApi.encode(path) + "?ref=" + GitlabApi.encode(ref), null);
        if (shown.status() / 100 != 2) {
            ctx.log("Unable to retrieve detailed information for remote file " + path);
            return "update";
        }
        return sha256(file.content()).equals(shown.body().path("content_sha256").asString("")) ? "skip" : "update";
    }

    /** {@code GET /projects/:id/repository/tree?recursive=true}, all pages; empty (with a log line) when it fails. */
    private static Set<String> remoteFiles(ActionContext ctx, GitlabApi api, String project, String ref, String targetPath)
            throws IOException, InterruptedException {
        Set<String> paths = new HashSet<>();
        String path = DirectoryContents.under(targetPath, "");
        String page = "1";
        for (int pages = 0; page != null && pages < 1000; pages++) {
            GitlabApi.Reply reply = api.send("GET", project + "/repository/tree?recursive=true&per_page=100&page=" + page
                    + "&ref=" + GitlabApi.encode(ref) + (path.isEmpty() ? "" : "&path=" + GitlabApi.encode(path)), null);
            if (reply.status() / 100 != 2) {
                ctx.log("Could not retrieve the list of files of " + project + " (branch: " + ref + "): " + GitlabApi.errorText(reply.body()));
                return paths;
            }
            reply.body().values().forEach(node -> {
                if (node.path("type").asString("").equals("blob")) {
                    paths.add(node.path("path").asString(""));
                }
            });
            page = reply.nextPage().orElse(null);
        }
        return paths;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
