package io.autoscalebot.plugin.kubernetes.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.plugin.kubernetes.AgainstKubeApiServer;
import io.autoscalebot.plugin.kubernetes.TestEnvironment;
import io.autoscalebot.plugin.kubernetes.apiserver.KubeApiServer;
import io.autoscalebot.plugin.kubernetes.apiserver.Kubeconfig;
import io.autoscalebot.plugin.kubernetes.client.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code kubernetes} scale component against a real API server, as user {@code scaler} with a token. */
class KubernetesScaleTest extends AgainstKubeApiServer {

    private String namespace;
    private Path kubeconfig;
    private String deployment;

    @BeforeEach
    void deploymentTheScalerMayScale() {
        namespace = server.newNamespace("scale");
        server.createDeployment(namespace, "web", 2);
        deployment = "/apis/apps/v1/namespaces/" + namespace + "/deployments/web";
        server.grantScaler(namespace, "autoscalebot", SCALE_DEPLOYMENTS);
        kubeconfig = Kubeconfig.to(server).token(KubeApiServer.SCALER_TOKEN).namespace(namespace)
                .writeTo(folder.resolve("kubeconfig"));
    }

    @Test
    void readsAndSetsTheReplicasOfADeploymentThroughItsScaleSubresource() throws Exception {
        Scale scale = scaleWhenAllowed(Map.of("target", "deployment/web", "kubeconfig", kubeconfig.toString()));

        assertThat(scale.current()).isEqualTo(2);
        assertThat(scale.scaleTo(5)).isEqualTo(5);
        assertThat(server.replicas(deployment)).isEqualTo(5);
        assertThat(scale.scaleTo(1)).isEqualTo(1);
        assertThat(server.replicas(deployment)).isEqualTo(1);
        assertThat(scale.current()).isEqualTo(1);
    }

    @Test
    void scalesToZeroWhichTheScaleSubresourceLeavesOut() throws Exception {
        Scale scale = scaleWhenAllowed(Map.of("target", "deploy/web", "kubeconfig", kubeconfig.toString()));

        assertThat(scale.scaleTo(0)).isZero();
        assertThat(scale.current()).isZero();
        assertThat(server.replicas(deployment)).isZero();
    }

    @Test
    void noticesAHandScaleWithKubectlScale() throws Exception {
        Scale scale = scaleWhenAllowed(Map.of("target", "deployment/web", "kubeconfig", kubeconfig.toString()));
        scale.scaleTo(3);

        server.handScale(deployment, 6);

        assertThat(scale.current()).isEqualTo(6);
        assertThat(logger.lines()).anySatisfy(line -> assertThat(line)
                .contains("INFO deployment/web in namespace " + namespace + " scaled outside autoscalebot: 3 -> 6"));
        assertThat(scale.current()).isEqualTo(6);
        assertThat(logger.lines()).filteredOn(line -> line.contains("scaled outside")).hasSize(1);
    }

    @Test
    void printsTheMissingRbacRuleWhenTheRoleIsRevoked() throws Exception {
        Scale scale = scaleWhenAllowed(Map.of("target", "deployment/web", "kubeconfig", kubeconfig.toString()));

        server.delete("/apis/rbac.authorization.k8s.io/v1/namespaces/" + namespace + "/rolebindings/autoscalebot");
        eventually("the revoked role stops working", () -> refusedWith(scale, 3) != null);

        assertThat(refusedWith(scale, 3)).contains(
                "the Kubernetes API server refused the scale of deployment/web in namespace " + namespace
                        + " to 3 (403 Forbidden)",
                "user \"scaler\" may not patch deployments/scale in API group \"apps\" in namespace " + namespace,
                "{apiGroups: [\"apps\"], resources: [\"deployments/scale\"], verbs: [\"get\", \"patch\"]}",
                "kubectl create role autoscalebot -n " + namespace
                        + " --verb=get,patch --resource=deployments.apps/scale",
                "--role=autoscalebot --user=scaler");
    }

    @Test
    void saysTheDeploymentIsMissingWhenItWasDeleted() throws Exception {
        Scale scale = scaleWhenAllowed(Map.of("target", "deployment/web", "kubeconfig", kubeconfig.toString()));

        server.delete(deployment);

        // The scaler may not read namespaces, so it cannot be told apart from a missing namespace.
        assertThatThrownBy(scale::current).isInstanceOf(PluginException.class).hasMessageContaining(
                "refused the read of the replicas of deployment/web in namespace " + namespace + " (404 NotFound):"
                        + " there is no deployment/web in namespace " + namespace + ", or no namespace "
                        + namespace);
    }

    @Test
    void saysWhichOfNameAndNamespaceIsWrongWhenAllowedToLook() throws Exception {
        Path admin = Kubeconfig.to(server).token(KubeApiServer.ADMIN_TOKEN).writeTo(folder.resolve("admin"));

        Scale wrongName = scale(Map.of("target", "deployment/wbe", "namespace", namespace, "kubeconfig",
                admin.toString()));
        Scale wrongNamespace = scale(Map.of("target", "deployment/web", "namespace", "nowhere", "kubeconfig",
                admin.toString()));

        assertThatThrownBy(wrongName::current).hasMessageContaining("there is no deployment/wbe in namespace "
                + namespace + "; fix the name in target (`kubectl get deployments.apps -n " + namespace + "`");
        assertThatThrownBy(() -> wrongNamespace.scaleTo(2)).hasMessageContaining(
                "namespace nowhere does not exist; fix the namespace setting");
    }

    @Test
    void scalesAStatefulSet() throws Exception {
        server.createStatefulSet(namespace, "db", 1);
        server.grantScaler(namespace, "statefulsets", "{\"apiGroups\":[\"apps\"],"
                + "\"resources\":[\"statefulsets/scale\"],\"verbs\":[\"get\",\"patch\"]}");
        Scale scale = scaleWhenAllowed(Map.of("target", "statefulset/db", "kubeconfig", kubeconfig.toString()));

        assertThat(scale.scaleTo(3)).isEqualTo(3);
        assertThat(server.replicas("/apis/apps/v1/namespaces/" + namespace + "/statefulsets/db")).isEqualTo(3);
    }

    @Test
    void refusesAResourceWithoutAScaleSubresourceAtSetup() {
        assertThatThrownBy(() -> scale(Map.of("target", "configmaps.v1/settings", "kubeconfig",
                kubeconfig.toString())))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("cannot scale configmaps.v1/settings in namespace " + namespace
                        + ": configmaps have no /scale subresource, so autoscalebot cannot scale"
                        + " configmaps.v1/settings");
    }

    @Test
    void suggestsTheResourceMeantWhenTheKindIsMisspelt() {
        assertThatThrownBy(() -> scale(Map.of("target", "deploymnets.v1.apps/web", "kubeconfig",
                kubeconfig.toString())))
                .hasMessageContaining("the API server has no resource 'deploymnets' in apps/v1 (did you mean"
                        + " 'deployments'?)");
        assertThatThrownBy(() -> scale(Map.of("target", "deployments.v2.apps/web", "kubeconfig",
                kubeconfig.toString())))
                .hasMessageContaining("the API server serves no API apps/v2");
    }

    @Test
    void saysTheCredentialsWereRefusedOnA401WithoutShowingThem() throws Exception {
        Path wrong = Kubeconfig.to(server).token("wrong-token-0123456789").namespace(namespace)
                .writeTo(folder.resolve("wrong"));
        Scale scale = scaleWithoutSetup(Map.of("target", "deployment/web", "kubeconfig", wrong.toString()));

        assertThatThrownBy(scale::current)
                .hasMessageContaining("refused the read of the replicas of deployment/web in namespace " + namespace
                        + ": 401 Unauthorized")
                .hasMessageContaining("the server did not accept the token of user 'tester' in " + wrong)
                .hasMessageNotContaining("wrong-token-0123456789");
        assertThatThrownBy(scale::setup).as("setup fails already").hasMessageContaining("401 Unauthorized");
    }

    private Scale scaleWithoutSetup(Map<String, Object> settings) throws Exception {
        return created(settings, Clock.systemUTC(), Sleeper.REAL, TestEnvironment.laptop(folder));
    }

    /** Creates the component once the scaler's new Role has reached the authorizer. */
    private Scale scaleWhenAllowed(Map<String, Object> settings) throws Exception {
        Scale scale = scale(settings);
        eventually("the scaler's role works", () -> {
            try {
                scale.current();
                return true;
            } catch (Exception e) {
                return false;
            }
        });
        return scale;
    }

    /** @return the message of a refused scale, or null if it was not refused */
    private static String refusedWith(Scale scale, int replicas) {
        try {
            scale.scaleTo(replicas);
            return null;
        } catch (Exception e) {
            return e.getMessage();
        }
    }
}
