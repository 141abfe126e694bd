package io.autoscalebot.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * States how far a plugin author may rely on a public type or member: its stability and the API version it appeared in.
 *
 * <p>Every public type of the API carries it. A member may carry a weaker status than its type (a {@code STABLE} type
 * may have an {@code EXPERIMENTAL} method); a {@code STABLE} type's signatures never otherwise mention a type that is
 * less than {@code STABLE}. Kept at run time so tools (and the API's own tests) can read it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
@Api(status = Api.Status.STABLE, since = "1.0")
public @interface Api {

    /** @return how stable the annotated element is */
    Status status();

    /** @return the API version in which the annotated element appeared */
    String since();

    /** Stability levels, from most to least dependable. */
    @Api(status = Api.Status.STABLE, since = "1.0")
    enum Status {
        /** Changes only in a new major API version. */
        STABLE,
        /** May change in a minor API version; feedback welcome. */
        EXPERIMENTAL,
        /** Not for plugin authors; may change at any time. */
        INTERNAL
    }
}
