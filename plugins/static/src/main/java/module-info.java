/**
 * The {@code static} measure plugin: a fixed value, or the number in a file read at every measure, for tests, demos and
 * benchmarks of the engine itself. (The package is {@code staticvalue} because {@code static} is a Java keyword.)
 */
module io.autoscalebot.plugin.staticvalue {
    requires io.autoscalebot.api;

    provides io.autoscalebot.api.measure.MeasureProvider with io.autoscalebot.plugin.staticvalue.StaticProvider;
}
