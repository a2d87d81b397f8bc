package dev.pwk.renderer;

import dev.pwk.kube.Value;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sync-base-job-template} init container (docs/chart-spec.md §4.6): pushes the mounted
 * base job template to the work pool if the pool already exists.
 */
final class SyncInitContainer {
  static final String NAME = "sync-base-job-template";

  private SyncInitContainer() {}

  static Container build(RenderContext ctx) {
    WorkerValues v = ctx.values();
    // Setters, not ContainerBuilder, which copies the env list twice (withEnv and build).
    Container c = new Container();
    c.setName(NAME);
    c.setImage(v.image());
    c.setImagePullPolicy(v.pullPolicy());
    c.setCommand(new ArrayList<>(List.of("/bin/sh", "-c")));
    c.setArgs(new ArrayList<>(List.of(script(ctx.required().workPool()))));
    c.setWorkingDir(PrefectEnv.HOME);
    c.setVolumeMounts(volumeMounts());
    c.setEnv(env(ctx));
    c.setResources(resources(ctx));
    c.setSecurityContext(
        v.initSecurityContext().truthy()
            ? ctx.freeForm().object(v.initSecurityContext(), SecurityContext.class)
            : null);
    return c;
  }

  /** The scratch mounts and the base job template file, shared with the worker container. */
  static List<VolumeMount> volumeMounts() {
    List<VolumeMount> mounts = new ArrayList<>(WorkerContainer.scratchMounts());
    mounts.add(
        new VolumeMountBuilder()
            .withMountPath(PrefectEnv.HOME + "/" + ConfigMapManifest.DATA_KEY)
            .withName(DeploymentManifest.BASE_JOB_TEMPLATE_VOLUME)
            .withSubPath(ConfigMapManifest.DATA_KEY)
            .build());
    return mounts;
  }

  private static List<EnvVar> env(RenderContext ctx) {
    WorkerValues v = ctx.values();
    List<EnvVar> env = new ArrayList<>();
    env.add(PrefectEnv.value("HOME", PrefectEnv.HOME));
    env.add(PrefectEnv.value("PREFECT_API_URL", ctx.required().apiUrl()));
    env.addAll(PrefectEnv.authString(v));
    env.add(PrefectEnv.value("PREFECT_KUBERNETES_CLUSTER_UID", ctx.clusterUid()));
    PrefectEnv.apiKey(v).ifPresent(env::add);
    if (v.initExtraEnvVars().truthy()) {
      env.addAll(ctx.freeForm().envVars(ctx.tpl().render(v.initExtraEnvVars())));
    }
    return env;
  }

  /** {@code coalesce(initContainer.resources, resources)}: the first truthy one, else none. */
  private static ResourceRequirements resources(RenderContext ctx) {
    WorkerValues v = ctx.values();
    Value chosen = v.initResources().truthy() ? v.initResources() : v.resources();
    return chosen.truthy() ? ctx.freeForm().object(chosen, ResourceRequirements.class) : null;
  }

  /** The sync script; the pool name is Go-quoted into the shell assignment, as upstream. */
  static String script(String workPool) {
    return "work_pool_name="
        + GoValues.quote(workPool)
        + "\n"
        + "\n"
        + "# suppress work-pool inspect output, as we're just\n"
        + "# calling it to check the existence of the work-pool.\n"
        + "\n"
        + "if ! prefect work-pool inspect $work_pool_name > /dev/null; then\n"
        + "  echo \"\"\n"
        + "  echo \"Work pool $work_pool_name does not yet exist, meaning this is the initial"
        + " run.\"\n"
        + "  echo \"The prefect-worker container will create the work pool on the initial run.\"\n"
        + "  echo \"\"\n"
        + "  echo \"Exiting now!\"\n"
        + "  exit 0\n"
        + "fi\n"
        + "\n"
        + "echo \"\"\n"
        + "echo \"Work pool $work_pool_name exists; syncing the base job template now...\"\n"
        + "\n"
        + "echo \"\"\n"
        + "echo \"Work pool $work_pool_name now updating with the following Base Job Template:\"\n"
        + "echo \"\"\n"
        + "cat ./baseJobTemplate.json\n"
        + "echo \"\"\n"
        + "\n"
        + "prefect work-pool update $work_pool_name --base-job-template ./baseJobTemplate.json\n";
  }
}
