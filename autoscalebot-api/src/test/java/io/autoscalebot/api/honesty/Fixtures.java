package io.autoscalebot.api.honesty;

import io.autoscalebot.api.Api;
import java.util.List;

/** Types that keep or break the promises of {@link Api}, for the checks of {@code ApiHonestyTest}. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Experimental: may change in a minor version. */
    @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
    public interface Draft {
    }

    /** Stable, but hands out an experimental type. */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public interface Leaky {
        Draft draft();
    }

    /** Stable, but hands out an experimental type inside a list. */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public interface LeakyThroughAList {
        List<? extends Draft> drafts();
    }

    /** Stable, with an experimental member that says so. */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public interface Careful {
        @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
        Draft draft();
    }

    /** Public, saying nothing of its stability. */
    public interface Unmarked {
    }

    /** Claims a version that does not exist yet. */
    @Api(status = Api.Status.STABLE, since = "99.0")
    public interface FromTheFuture {
    }
}
