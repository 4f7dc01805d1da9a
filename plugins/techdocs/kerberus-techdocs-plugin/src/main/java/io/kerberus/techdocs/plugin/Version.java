package io.kerberus.techdocs.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions recorded at build time: Kerberus and the client-side libraries the reader loads. */
public final class Version {

    private static final Properties PROPERTIES = load();

    private Version() {
    }

    /** The Kerberus version, such as {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return PROPERTIES.getProperty("kerberus.version", "dev");
    }

    /** The path of a file in a webjar: {@code /webjars/mermaid/11.14.0/dist/mermaid.min.js}. */
    public static String webjar(String name, String file) {
        return "/webjars/" + name + "/" + PROPERTIES.getProperty(name + ".version") + "/" + file;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/kerberus-techdocs.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the defaults serve
        }
        return properties;
    }
}
