package dev.gatehouse.client;

/** Whose fault an error is, as the service model marks it: the caller's or the service's. */
public enum Fault {
    /** The request was wrong or not allowed (a 4xx); sending it again unchanged will not help, except after throttling. */
    CLIENT,
    /** The service failed (a 5xx); the same request may succeed later. */
    SERVER;

    /** The fault an unmodeled error implies by its HTTP status. */
    public static Fault ofStatus(int statusCode) {
        return statusCode >= 500 ? SERVER : CLIENT;
    }
}
