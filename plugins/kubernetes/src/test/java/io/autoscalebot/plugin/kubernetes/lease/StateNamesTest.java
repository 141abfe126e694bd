package io.autoscalebot.plugin.kubernetes.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.plugin.kubernetes.client.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StateNamesTest {

    private static final String LEASE = "autoscalebot-leader";

    @Test
    void aGroupsNameIsReadableInItsConfigMapsName() {
        assertThat(StateNames.configMap(LEASE, "group/web"))
                .matches("autoscalebot-leader-state-group-web-[0-9a-f]{16}");
    }

    @Test
    void tenThousandGroupsGetDistinctValidNames() {
        Set<String> names = new HashSet<>();
        IntStream.range(0, 10_000).mapToObj(i -> "group/worker-" + i)
                .forEach(key -> names.add(valid(StateNames.configMap(LEASE, key))));

        assertThat(names).hasSize(10_000);
    }

    @Test
    void keysThatReadAlikeOrAreCutAlikeGetDistinctValidNames() {
        String longName = "group/" + "a".repeat(400);
        List<String> keys = List.of("group/web", "group/Web", "group/WEB", "group/w.e.b", "group/w_e_b", "group/w e b",
                "group/w--e--b", "group/-web-", "group/", "", "/", "group/ünïcödé", "group/日本語", "group/😀",
                "group/.hidden.", longName, longName + "b", longName + "c", "group/" + "-".repeat(300),
                "group/" + "Z".repeat(1000));
        List<String> names = new ArrayList<>();
        for (String key : keys) {
            names.add(valid(StateNames.configMap(LEASE, key)));
        }

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void aLongLeaseNameStillGivesValidNamesAndADistinctValidLabel() {
        String longLease = "a".repeat(100) + "." + "b".repeat(100) + "-" + "c".repeat(52);
        String otherLease = "a".repeat(100) + "." + "b".repeat(100) + "-" + "c".repeat(51) + "d";

        assertThat(valid(StateNames.configMap(longLease, "group/web")))
                .isNotEqualTo(valid(StateNames.configMap(otherLease, "group/web")));
        assertThat(StateNames.leaseLabel(longLease)).hasSizeLessThanOrEqualTo(63)
                .matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")
                .isNotEqualTo(StateNames.leaseLabel(otherLease));
        assertThat(StateNames.leaseLabel(LEASE)).isEqualTo(LEASE);
    }

    @Test
    void theSameLeaseAndKeyAlwaysGiveTheSameName() {
        assertThat(StateNames.configMap(LEASE, "group/web")).isEqualTo(StateNames.configMap(LEASE, "group/web"));
        assertThat(StateNames.configMap(LEASE, "group/web")).isNotEqualTo(StateNames.configMap("other", "group/web"));
    }

    private static String valid(String name) {
        assertThat(Names.dnsSubdomain(name)).as(name).isEmpty();
        return name;
    }
}
