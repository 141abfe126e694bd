package io.autoscalebot.plugin.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathSegmentTest {

    @Test
    void encodesTheDefaultVhostAsPercent2F() {
        assertThat(PathSegment.encode("/")).isEqualTo("%2F");
    }

    @Test
    void encodesSpacesAndPlusSignsAsAPathKeepsThemNotAsAFormDoes() {
        assertThat(PathSegment.encode("a b+c")).isEqualTo("a%20b%2Bc");
    }

    @Test
    void encodesNonAsciiAsUtf8Bytes() {
        assertThat(PathSegment.encode("tâches")).isEqualTo("t%C3%A2ches");
    }

    @Test
    void keepsTheUnreservedCharacters() {
        assertThat(PathSegment.encode("celery.high-priority_2~")).isEqualTo("celery.high-priority_2~");
    }
}
