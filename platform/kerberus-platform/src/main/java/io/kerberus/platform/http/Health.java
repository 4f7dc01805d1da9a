package io.kerberus.platform.http;

/** Whether the backend is ready for traffic, as the readiness probe reports it. */
public final class Health {

    /** The lifecycle states readiness reports. */
    public enum State { STARTING, READY, STOPPING }

    private volatile State state = State.STARTING;

    public State state() {
        return state;
    }

    public void ready() {
        state = State.READY;
    }

    public void stopping() {
        state = State.STOPPING;
    }
}
