package io.camelprogress.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.util.Yaml;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deploy/kubernetes/camel-progress.yaml} against the Kubernetes API models (kubectl's client
 * dry run needs a cluster to discover the API, and there is none here): each document is a valid
 * Deployment, Service or Ingress, and they refer to each other by the right names.
 */
class KubernetesManifestTest {

    private static final Path MANIFEST = Path.of(System.getProperty("routes.dir", ".")).resolve("../deploy/kubernetes/camel-progress.yaml");

    @Test
    void theManifestIsADeploymentAServiceAndAStreamingIngressThatFitTogether() throws IOException {
        List<Object> documents = Yaml.loadAll(Files.readString(MANIFEST));
        assertEquals(3, documents.size());
        V1Deployment deployment = assertInstanceOf(V1Deployment.class, documents.get(0));
        V1Service service = assertInstanceOf(V1Service.class, documents.get(1));
        V1Ingress ingress = assertInstanceOf(V1Ingress.class, documents.get(2));

        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(), podLabels);
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), "the Service selects the pods");
        V1Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        V1ServicePort port = service.getSpec().getPorts().get(0);
        assertTrue(app.getPorts().stream().anyMatch(p -> p.getName().equals(port.getTargetPort().getStrValue())
                                                         && p.getContainerPort() == 8080), "the Service targets the container's port 8080");
        assertTrue(app.getEnv().stream().anyMatch(e -> e.getName().equals("CAMEL_SERVER_ENABLED") && "true".equals(e.getValue())),
                "the platform-http server is on");

        V1IngressBackend backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend();
        assertEquals(service.getMetadata().getName(), backend.getService().getName());
        assertEquals(port.getName(), backend.getService().getPort().getName());
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        assertEquals("off", annotations.get("nginx.ingress.kubernetes.io/proxy-buffering"));
        assertTrue(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout")) > 15,
                "the proxy waits longer than the heartbeat interval");
    }

    @Test
    void theCheckRefusesAFieldTheApiDoesNotHave() throws IOException {
        String typo = Files.readString(MANIFEST).replace("containerPort: 8080", "containerPorts: 8080");
        assertThrows(RuntimeException.class, () -> Yaml.loadAll(typo));
    }
}
