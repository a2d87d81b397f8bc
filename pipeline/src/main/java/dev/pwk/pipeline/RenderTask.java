package dev.pwk.pipeline;

import dev.pwk.renderer.KubeCapabilities;
import dev.pwk.renderer.RenderException;
import dev.pwk.renderer.RenderOptions;
import dev.pwk.renderer.Renderer;
import dev.pwk.renderer.Rendering;
import dev.pwk.values.LoadedValues;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One render of loaded values, either run when asked for or started on a thread of its own so that
 * it runs while the value rules do: rendering reads the values and nothing the rules find, and in a
 * short-lived command the two halves each spend most of their time loading and initialising their
 * own classes. {@link #result} gives the rendering or the render's failure either way.
 */
final class RenderTask {
  /** A rendering, or the exception that stopped it. */
  record Outcome(Rendering rendering, RenderException failure) {}

  private final FutureTask<Outcome> task;

  private RenderTask(FutureTask<Outcome> task) {
    this.task = task;
  }

  /** Starts rendering on a daemon thread, which never keeps a process from exiting. */
  static RenderTask start(
      LoadedValues values, PipelineRequest request, KubeCapabilities capabilities, String uid) {
    FutureTask<Outcome> task = new FutureTask<>(() -> render(values, request, capabilities, uid));
    Thread thread = new Thread(task, "pwk-render");
    thread.setDaemon(true);
    thread.start();
    return new RenderTask(task);
  }

  /** A render that runs in the calling thread when its {@link #result} is first asked for. */
  static RenderTask later(
      LoadedValues values, PipelineRequest request, KubeCapabilities capabilities, String uid) {
    return new RenderTask(new FutureTask<>(() -> render(values, request, capabilities, uid)));
  }

  /**
   * The render's outcome: runs it here if no thread has started it yet, else waits for it; an
   * unexpected exception of the renderer is rethrown as it was.
   */
  Outcome result() {
    task.run();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Outcome render(
      LoadedValues values, PipelineRequest request, KubeCapabilities capabilities, String uid) {
    try {
      return new Outcome(
          Renderer.create()
              .render(
                  values,
                  RenderOptions.builder()
                      .releaseName(request.release().name())
                      .namespace(request.release().namespace())
                      .capabilities(capabilities)
                      .clusterUid(uid)
                      .build()),
          null);
    } catch (RenderException e) {
      return new Outcome(null, e);
    }
  }
}
