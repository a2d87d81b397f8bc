package dev.pwk.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against the Kubernetes cluster of {@link ClusterExtension}: the
 * tests get a {@link Cluster} and a fresh {@link TestNamespace} as parameters, and are skipped (or
 * fail, in CI) when there is no cluster.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClusterExtension.class)
@Tag("kubernetes")
@interface RequiresCluster {}
