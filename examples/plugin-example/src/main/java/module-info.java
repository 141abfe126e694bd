/** An example third-party plugin: measures a number written to a file by anything else. */
module com.example.autoscalebot.filevalue {
    requires io.autoscalebot.api;

    provides io.autoscalebot.api.measure.MeasureProvider
            with com.example.autoscalebot.filevalue.FileValueProvider;
}
