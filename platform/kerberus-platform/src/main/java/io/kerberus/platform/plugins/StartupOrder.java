package io.kerberus.platform.plugins;

import io.kerberus.platform.StartupException;
import io.kerberus.plugin.ServiceRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which modules and plugins init: a module before its plugin, a plugin that
 * provides a service before everything that requires it. Otherwise discovery order is kept.
 */
final class StartupOrder {

    private StartupOrder() {
    }

    /**
     * Sorts the registrations.
     *
     * @throws StartupException when a required service has no provider, is provided twice, or the
     *                          requirements form a cycle
     */
    static List<Registration> sort(List<Registration> registrations) {
        Map<String, Registration> providers = providers(registrations);
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        Map<String, Registration> byKey = new LinkedHashMap<>();
        for (Registration registration : registrations) {
            byKey.put(registration.key(), registration);
            edges.put(registration.key(), new LinkedHashSet<>());
        }
        for (Registration registration : registrations) {
            if (registration.moduleId != null) {
                edges.get(registration.key()).add(registration.pluginId);
            }
            for (ServiceRef<?> ref : registration.requires) {
                Registration provider = providers.get(ref.id());
                if (provider == null) {
                    throw new StartupException(capitalize(registration.name()) + " requires service '" + ref.id()
                            + "', which no enabled plugin provides. Add or enable the plugin that provides it.");
                }
                if (provider != registration) {
                    edges.get(provider.key()).add(registration.key());
                }
            }
            for (ServiceRef<?> ref : registration.uses) {
                if (providers.get(ref.id()) == null) {
                    throw new StartupException(capitalize(registration.name()) + " uses service '" + ref.id()
                            + "', which no enabled plugin provides. Add or enable the plugin that provides it.");
                }
            }
        }
        return topological(byKey, edges);
    }

    private static Map<String, Registration> providers(List<Registration> registrations) {
        Map<String, Registration> providers = new LinkedHashMap<>();
        for (Registration registration : registrations) {
            for (ServiceRef<?> ref : registration.provides) {
                Registration previous = providers.putIfAbsent(ref.id(), registration);
                if (previous != null) {
                    throw new StartupException("Service '" + ref.id() + "' is provided by both " + previous.name() + " and "
                            + registration.name() + ". Disable one of the two plugins.");
                }
            }
        }
        return providers;
    }

    /** Depth-first topological sort; edges point from what must start first to what waits for it. */
    private static List<Registration> topological(Map<String, Registration> byKey, Map<String, Set<String>> edges) {
        Map<String, List<String>> waitsFor = new LinkedHashMap<>();
        byKey.keySet().forEach(key -> waitsFor.put(key, new ArrayList<>()));
        edges.forEach((first, thens) -> thens.forEach(then -> waitsFor.get(then).add(first)));
        List<Registration> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        List<String> path = new ArrayList<>();
        for (String key : byKey.keySet()) {
            visit(key, byKey, waitsFor, done, path, order);
        }
        return order;
    }

    private static void visit(String key, Map<String, Registration> byKey, Map<String, List<String>> waitsFor,
                              Set<String> done, List<String> path, List<Registration> order) {
        if (done.contains(key)) {
            return;
        }
        int onPath = path.indexOf(key);
        if (onPath >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
            cycle.add(key);
            throw new StartupException("Plugins depend on each other in a cycle: " + String.join(" -> ", cycle)
                    + " (each waits for the next: a plugin for its modules and for the plugins whose services it requires). Break the cycle: declare with registrar.uses(...) a service only needed once the backend runs, or let one of them offer an extension point that the other"
                    + " adds to through a module, instead of requiring its service at init.");
        }
        path.add(key);
        for (String first : waitsFor.get(key)) {
            visit(first, byKey, waitsFor, done, path, order);
        }
        path.remove(path.size() - 1);
        done.add(key);
        order.add(byKey.get(key));
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
