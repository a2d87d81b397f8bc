package dev.pwk.it;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Finds the cluster once per test run and decides for every test class: run it, skip it (no
 * cluster, printing one line once), or fail it (no cluster but {@code PWK_IT_REQUIRE_CLUSTER=true},
 * as CI sets). Resolves {@link Cluster} and {@link TestNamespace} parameters; a namespace is
 * deleted after the test that received it.
 */
final class ClusterExtension implements ExecutionCondition, ParameterResolver {
  static final String REQUIRE_ENV = "PWK_IT_REQUIRE_CLUSTER";
  static final String SKIP_LINE =
      "pwk integration tests skipped: no Kubernetes cluster (set KUBECONFIG, or run"
          + " integration-tests/clusters/local.sh up)";

  private static final Namespace STORE = Namespace.create(ClusterExtension.class);

  /** The result of the one lookup of a run, kept in the root store and closed at its end. */
  private record Session(Optional<Cluster> cluster, String problem, boolean required)
      implements AutoCloseable {
    static Session open() {
      boolean required = "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV));
      Cluster.Lookup lookup = Cluster.find();
      if (lookup.cluster().isPresent()) {
        System.out.println("pwk integration tests: " + lookup.cluster().get().describe());
      } else if (!required) {
        // A kubeconfig that is there but does not work deserves its reason on the same line.
        System.out.println(SKIP_LINE + (lookup.configured() ? ": " + lookup.problem() : ""));
      }
      return new Session(lookup.cluster(), lookup.problem(), required);
    }

    @Override
    public void close() {
      cluster.ifPresent(Cluster::close);
    }
  }

  private static Session session(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(STORE)
        .getOrComputeIfAbsent(Session.class, k -> Session.open(), Session.class);
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Session session = session(context);
    if (session.cluster().isPresent()) {
      return ConditionEvaluationResult.enabled("Kubernetes cluster found");
    }
    if (session.required()) {
      throw new ExtensionConfigurationException(
          REQUIRE_ENV
              + "=true but there is no Kubernetes cluster: "
              + session.problem()
              + ". Set KUBECONFIG, or run integration-tests/clusters/local.sh up.");
    }
    return ConditionEvaluationResult.disabled("no Kubernetes cluster: " + session.problem());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Cluster.class || type == TestNamespace.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Cluster cluster =
        session(context)
            .cluster()
            .orElseThrow(() -> new ExtensionConfigurationException("no Kubernetes cluster"));
    if (parameter.getParameter().getType() == Cluster.class) {
      return cluster;
    }
    Class<?> top = context.getRequiredTestClass();
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    String purpose = top.getSimpleName().replaceFirst("IT$", "");
    TestNamespace ns = cluster.newNamespace(purpose);
    // Closed, so deleted, when the test (the context that asked for it) ends.
    context.getStore(STORE).put(ns, ns);
    return ns;
  }
}
