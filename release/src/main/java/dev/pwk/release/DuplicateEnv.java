package dev.pwk.release;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Env vars named twice in one container. The chart emits them when {@code extraEnvVars} repeat one
 * of its own (for example {@code PREFECT_API_KEY}); a plain create accepts that and the kubelet
 * uses the last one, but server-side apply refuses duplicate list keys. So pwk applies only the
 * last of each name, which is the one the kubelet would have used.
 */
final class DuplicateEnv {
  private DuplicateEnv() {}

  /** One line per container and name that repeats, for a warning. */
  static List<String> describe(HasMetadata object) {
    List<String> out = new ArrayList<>();
    for (Container c : containers(object)) {
      Set<String> seen = new HashSet<>();
      Set<String> reported = new HashSet<>();
      for (EnvVar e : c.getEnv()) {
        if (!seen.add(e.getName()) && reported.add(e.getName())) {
          out.add(
              "container "
                  + c.getName()
                  + " of "
                  + ObjectRef.of(object)
                  + " sets "
                  + e.getName()
                  + " more than once; server-side apply refuses that, so only the last one"
                  + " (the one the kubelet would use) is applied");
        }
      }
    }
    return out;
  }

  /** Keeps only the last env var of each name, in place. */
  static void keepLast(HasMetadata object) {
    for (Container c : containers(object)) {
      List<EnvVar> env = c.getEnv();
      Set<String> later = new HashSet<>();
      List<EnvVar> kept = new ArrayList<>();
      for (int i = env.size() - 1; i >= 0; i--) {
        if (later.add(env.get(i).getName())) {
          kept.add(0, env.get(i));
        }
      }
      if (kept.size() != env.size()) {
        c.setEnv(kept);
      }
    }
  }

  private static List<Container> containers(HasMetadata object) {
    if (!(object instanceof Deployment d)
        || d.getSpec() == null
        || d.getSpec().getTemplate() == null
        || d.getSpec().getTemplate().getSpec() == null) {
      return List.of();
    }
    PodSpec pod = d.getSpec().getTemplate().getSpec();
    List<Container> all = new ArrayList<>(pod.getInitContainers());
    all.addAll(pod.getContainers());
    return all;
  }
}
