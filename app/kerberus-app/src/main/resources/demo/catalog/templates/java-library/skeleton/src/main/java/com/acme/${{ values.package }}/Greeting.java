package com.acme.${{ values.package }};

/** ${{ values.description }} */
public final class Greeting {

    private Greeting() {
    }

    /** A greeting for {@code name}. */
    public static String of(String name) {
        return "Hello, " + name + "!";
    }
}
