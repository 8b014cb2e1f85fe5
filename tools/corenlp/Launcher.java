// Stanford CoreNLP's own server, listening on 127.0.0.1 only, for tools/corenlp/corenlp.ts.
// Run as a single-file program: java -Xmx.. -cp <classpath> tools/corenlp/Launcher.java --port P ...
//
// The stock StanfordCoreNLPServer binds every interface and has no option to change that, so its
// handlers are mounted here on an HttpServer bound to the loopback address. The protocol stays the
// stock one (POST /?properties=<JSON> with the text as body, per-request "timeout" and "date"), so
// kg's client can talk to a team's stock server through KG_NLP_URL just as well.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.pipeline.StanfordCoreNLPServer;
import edu.stanford.nlp.util.ArgumentParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class Launcher {
  static final String USAGE =
      "usage: Launcher.java --port P [--threads N] [--timeout-ms MS] [--max-chars N] [--idle-minutes M]"
          + " [--preload ANNOTATORS] [--pid-file FILE]";

  public static void main(String[] argv) throws Exception {
    long t0 = System.nanoTime();
    Map<String, String> opt = parse(argv);
    int port = Integer.parseInt(required(opt, "port"));
    int threads = Integer.parseInt(opt.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    String timeoutMs = opt.getOrDefault("timeout-ms", "120000");
    String maxChars = opt.getOrDefault("max-chars", "100000");
    double idleMinutes = Double.parseDouble(opt.getOrDefault("idle-minutes", "0"));
    String preload = opt.getOrDefault("preload", "tokenize,ssplit,pos,lemma,ner,depparse");
    Path pidFile = opt.containsKey("pid-file") ? Path.of(opt.get("pid-file")) : null;
    if (threads < 1) usage("--threads must be at least 1");

    // The server reads -threads (ArgumentParser.threads, which sizes its annotation executor) and
    // -maxCharLength from static fields, before its constructor runs; -timeout and -quiet are
    // fields of the instance. Filling both through its own ArgumentParser, as its main() does,
    // keeps the names and semantics of the stock options.
    String[] stock = {
      "-threads", String.valueOf(threads),
      "-timeout", timeoutMs,
      "-maxCharLength", maxChars,
      "-quiet", "true",
      "-port", String.valueOf(port),
      // its shutdown key goes to $TMPDIR/corenlp.shutdown.<server_id>; the default name would
      // overwrite (and on exit delete) the key of a stock server running on the same machine
      "-server_id", "kg-corenlp-" + port,
    };
    ArgumentParser.fillOptions(StanfordCoreNLPServer.class, stock);
    Properties serverProps = new Properties();
    serverProps.setProperty("server_id", "kg-corenlp-" + port);
    serverProps.setProperty("port", String.valueOf(port));
    LoopbackServer corenlp = new LoopbackServer(serverProps);
    ArgumentParser.fillOptions(corenlp, stock);

    // the server's own defaults (its serverIOProps); every request starts from them
    Properties defaults = new Properties();
    defaults.setProperty("inputFormat", "text");
    defaults.setProperty("outputFormat", "json");
    defaults.setProperty("prettyPrint", "false");

    AtomicBoolean ready = new AtomicBoolean(false);
    CountDownLatch loaded = new CountDownLatch(1);
    AtomicLong lastRequest = new AtomicLong(System.nanoTime());
    AtomicInteger inFlight = new AtomicInteger();
    // At most `threads` annotations at once, like the stock server's pool of `threads` HTTP
    // threads; the HTTP pool itself is larger so that /ready and /live answer while every
    // annotation thread is busy (a status check must not read a busy server as a dead one).
    // The semaphore is taken before the stock handler starts its request's timeout clock.
    Semaphore annotating = new Semaphore(threads, true);
    HttpHandler annotate = corenlp.annotateHandler(defaults);
    HttpHandler ready200 = corenlp.readyHandler(ready);

    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    http.createContext("/", exchange -> {
      inFlight.incrementAndGet();
      lastRequest.set(System.nanoTime());
      try {
        // requests that arrive while the models load wait for them instead of loading a second copy
        loaded.await();
        annotating.acquire();
        try {
          annotate.handle(exchange);
        } finally {
          annotating.release();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.close();
      } finally {
        lastRequest.set(System.nanoTime());
        inFlight.decrementAndGet();
      }
    });
    // a client that has just seen the server ready gets the whole idle period for its first request
    http.createContext("/ready", exchange -> {
      lastRequest.set(System.nanoTime());
      ready200.handle(exchange);
    });
    http.createContext("/live", corenlp.liveHandler());
    ExecutorService httpThreads = Executors.newFixedThreadPool(threads + 4);
    http.setExecutor(httpThreads);
    http.start();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ready.set(false);
      System.out.println("kg-corenlp: shutting down");
      http.stop(1);
      httpThreads.shutdownNow();
      if (pidFile != null) removePidFile(pidFile);
      System.out.println("kg-corenlp: stopped");
    }, "kg-corenlp-shutdown"));

    // The annotators are cached by CoreNLP per annotator and properties, so one pipeline built
    // here with the request defaults serves every later request that asks for these annotators.
    Properties preloadProps = new Properties();
    preloadProps.putAll(defaults);
    preloadProps.setProperty("annotators", preload);
    new StanfordCoreNLP(preloadProps);
    loaded.countDown();
    ready.set(true);
    lastRequest.set(System.nanoTime());
    System.out.printf("kg-corenlp: ready on http://127.0.0.1:%d in %.1f s%n", port, (System.nanoTime() - t0) / 1e9);
    System.out.printf("kg-corenlp: %s; idle shutdown %s%n",
        corenlp.settings(), idleMinutes > 0 ? "after " + fmt(idleMinutes) + " min" : "off");

    if (idleMinutes > 0) {
      long idleNanos = (long) (idleMinutes * 60e9);
      long checkMs = Math.max(200, Math.min(5000, idleNanos / 1_000_000 / 6));
      while (true) {
        Thread.sleep(checkMs);
        if (inFlight.get() == 0 && System.nanoTime() - lastRequest.get() >= idleNanos) {
          System.out.printf("kg-corenlp: no request for %s min, exiting%n", fmt(idleMinutes));
          System.exit(0);
        }
      }
    }
    Thread.currentThread().join();
  }

  /**
   * The stock server's handlers are nested classes with protected access: a subclass may mount
   * them on a server of its own. Nothing of the stock behaviour is overridden.
   */
  static class LoopbackServer extends StanfordCoreNLPServer {
    LoopbackServer(Properties props) throws IOException {
      super(props);
    }

    HttpHandler annotateHandler(Properties defaults) throws IOException {
      // GET / answers with the stock demo page, as the stock server does
      FileHandler homepage = new FileHandler("edu/stanford/nlp/pipeline/demo/corenlp-brat.html");
      return new CoreNLPHandler(defaults, props -> true, finished -> {}, homepage, "/");
    }

    HttpHandler readyHandler(AtomicBoolean ready) {
      return new ReadyHandler(ready);
    }

    HttpHandler liveHandler() {
      return new LiveHandler() {}; // its constructor is protected: an anonymous subclass may call it
    }

    // read back from the fields the stock server uses, so the log shows what is in effect
    String settings() {
      return String.format("annotation threads %d, default timeout %d ms, max characters %d, quiet %s",
          ArgumentParser.threads, timeoutMilliseconds, maxCharLength, quiet);
    }
  }

  static String fmt(double minutes) {
    return minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes);
  }

  // the launcher writes the pid file after spawning; it is removed here only if it still names us
  static void removePidFile(Path pidFile) {
    try {
      if (Files.exists(pidFile)
          && Files.readString(pidFile).trim().equals(String.valueOf(ProcessHandle.current().pid()))) {
        Files.delete(pidFile);
      }
    } catch (IOException e) {
      System.out.println("kg-corenlp: could not remove " + pidFile + ": " + e.getMessage());
    }
  }

  static Map<String, String> parse(String[] argv) {
    Map<String, String> opt = new HashMap<>();
    for (int i = 0; i < argv.length; i += 2) {
      if (!argv[i].startsWith("--") || i + 1 >= argv.length) usage("bad argument: " + argv[i]);
      opt.put(argv[i].substring(2), argv[i + 1]);
    }
    return opt;
  }

  static String required(Map<String, String> opt, String name) {
    String v = opt.get(name);
    if (v == null) usage("--" + name + " is required");
    return v;
  }

  static void usage(String problem) {
    System.err.println("kg-corenlp: " + problem);
    System.err.println(USAGE);
    System.exit(2);
  }
}
