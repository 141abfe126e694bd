package io.autoscalebot.plugin.kubernetes.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleTargetTest {

    @ParameterizedTest
    @CsvSource({
            "deployment/web, /apis/apps/v1/namespaces/shop/deployments/web/scale",
            "deploy/web, /apis/apps/v1/namespaces/shop/deployments/web/scale",
            "Deployments/web, /apis/apps/v1/namespaces/shop/deployments/web/scale",
            "sts/db, /apis/apps/v1/namespaces/shop/statefulsets/db/scale",
            "rs/web-5d8f, /apis/apps/v1/namespaces/shop/replicasets/web-5d8f/scale",
            "rc/old, /api/v1/namespaces/shop/replicationcontrollers/old/scale",
            "rollouts.v1alpha1.argoproj.io/web, /apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web/scale",
            "configmaps.v1/settings, /api/v1/namespaces/shop/configmaps/settings/scale"})
    void findsTheScaleSubresourceOfEachFormKubectlAccepts(String written, String path) {
        assertThat(ScaleTarget.parse(written).scalePath("shop")).isEqualTo(path);
    }

    @Test
    void namesTheResourceAsRbacRulesDo() {
        assertThat(ScaleTarget.parse("deployment/web").qualifiedResource()).isEqualTo("deployments.apps");
        assertThat(ScaleTarget.parse("rc/old").qualifiedResource()).isEqualTo("replicationcontrollers");
        assertThat(ScaleTarget.parse("rollouts.v1alpha1.argoproj.io/web").apiVersion())
                .isEqualTo("argoproj.io/v1alpha1");
    }

    @Test
    void suggestsTheKindMeantAndHowToWriteAnyOther() {
        assertThatThrownBy(() -> ScaleTarget.parse("deploymnet/web"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("setting 'target': unknown kind 'deploymnet' (did you mean 'deployment/web'?);"
                        + " write deployment, statefulset, replicaset or replicationcontroller, or for another"
                        + " resource with a /scale subresource RESOURCE.VERSION.GROUP/NAME");
        assertThatThrownBy(() -> ScaleTarget.parse("rollouts.argoproj.io/web"))
                .hasMessageContaining("unknown kind 'rollouts.argoproj.io'")
                .hasMessageContaining("like rollouts.v1alpha1.argoproj.io/web");
    }

    @Test
    void refusesNamesKubernetesWouldRefuse() {
        assertThatThrownBy(() -> ScaleTarget.parse("web"))
                .hasMessage("setting 'target' must be KIND/NAME, like deployment/web or statefulset/db, got 'web'");
        assertThatThrownBy(() -> ScaleTarget.parse("deployment/Web_1"))
                .hasMessageStartingWith("setting 'target': the name 'Web_1' must be lower case letters, digits, '-'"
                        + " and '.'");
        assertThatThrownBy(() -> ScaleTarget.parse("deployment/a/b")).hasMessageContaining("must be KIND/NAME");
        assertThatThrownBy(() -> ScaleTarget.parse("Rollouts.v1.argoproj.io/web"))
                .hasMessageContaining("the resource 'Rollouts' must be lower case");
        assertThatThrownBy(() -> ScaleTarget.parse("rollouts.v1.argo_proj.io/web"))
                .hasMessageContaining("the API group 'argo_proj.io'");
    }
}
