// Embedded Neo4j Community DBMS with the Bolt connector, for machines without Docker.
// Run by tools/neo4j/neo4j.mjs as a single-file program: java -cp 'lib/*' Launcher.java
// Arguments: DATA_DIR PORT PLUGINS_DIR. The password comes from NEO4J_PASSWORD so that it never
// appears in the process list.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.Map;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public class Launcher {
  /** APOC families that compute on values and read the graph; kept in step with docker-compose.yml. */
  static final String[] SAFE_PROCEDURES = {
    "apoc.agg.*", "apoc.algo.*", "apoc.any.*", "apoc.bitwise.*", "apoc.coll.*", "apoc.convert.*",
    "apoc.create.*", "apoc.date.*", "apoc.diff.*", "apoc.hashing.*", "apoc.json.*", "apoc.label.*",
    "apoc.map.*", "apoc.math.*", "apoc.meta.*", "apoc.neighbors.*", "apoc.node.*", "apoc.nodes.*",
    "apoc.number.*", "apoc.path.*", "apoc.rel.*", "apoc.schema.*", "apoc.scoring.*", "apoc.stats.*",
    "apoc.temporal.*", "apoc.text.*", "apoc.util.*", "apoc.version"
  };

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: Launcher DATA_DIR PORT PLUGINS_DIR");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    Path plugins = Path.of(args[2]).toAbsolutePath();
    String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "neo4j-local");
    if (password.length() < 8) {
      System.err.println("NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum)");
      System.exit(2);
    }
    String pageCache = System.getenv().getOrDefault("KG_NEO4J_PAGECACHE", "512m");
    Files.createDirectories(home);

    Map<String, String> config = new TreeMap<>();
    config.put("server.bolt.enabled", "true");
    config.put("server.bolt.listen_address", "127.0.0.1:" + port);
    config.put("server.bolt.advertised_address", "127.0.0.1:" + port);
    config.put("server.http.enabled", "false");
    config.put("server.https.enabled", "false");
    config.put("dbms.security.auth_enabled", "true");
    config.put("dbms.usage_report.enabled", "false");
    config.put("server.memory.pagecache.size", pageCache);
    config.put("db.tx_log.rotation.retention_policy", "2 files");
    config.put("server.directories.plugins", plugins.toString());
    // What kg's read-only path may reach is decided here, by the database, not by kg (see
    // README "Security"): no file and no URL for LOAD CSV, only APOC's value and graph functions
    // (none of apoc.load, apoc.import, apoc.export, apoc.cypher, apoc.periodic, apoc.trigger...).
    // The allowlist only governs plugins: built-in db.* and dbms.* procedures are always loaded,
    // and kg's read path refuses the ones that touch other clients (src/neo4j/read-guard.ts).
    config.put("dbms.security.allow_csv_import_from_file_urls", "false");
    config.put("internal.dbms.cypher_ip_blocklist", "0.0.0.0/0,::/0");
    config.put("dbms.security.procedures.allowlist", String.join(",", SAFE_PROCEDURES));
    // A request Neo4j never answers (its parser overflows on a deeply nested expression and the
    // error is lost) would hold a connection forever. With keep-alives during every request the
    // server sends a no-op every 2 s while it works, and tells the driver to drop a connection
    // silent for three of them, so such a request fails after ~6 s whatever the timeout.
    config.put("server.bolt.connection_keep_alive_for_requests", "ALL");
    config.put("server.bolt.connection_keep_alive", "2s");
    config.put("server.bolt.connection_keep_alive_probes", "3");
    // a query's tracked memory (collect, sort, distinct...) cannot take the whole heap
    config.put("db.memory.transaction.max", "512m");

    // extra settings, "key=value" separated by ';' (KG_NEO4J_SETTINGS), override the ones above
    for (String pair : System.getenv().getOrDefault("KG_NEO4J_SETTINGS", "").split(";")) {
      if (pair.isBlank()) continue;
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        System.err.println("KG_NEO4J_SETTINGS: expected key=value, got '" + pair + "'");
        System.exit(2);
      }
      config.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }

    long started = System.nanoTime();
    // written out as a neo4j.conf so the effective settings can be read next to the data
    Path conf = home.resolve("neo4j.conf");
    StringBuilder text = new StringBuilder("# written by tools/neo4j/Launcher.java on every start\n");
    config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(conf, text.toString());
    // APOC reads its own settings from conf/apoc.conf: no file import or export, and file
    // paths (were import ever enabled) confined to Neo4j's import settings.
    Path apocConf = home.resolve("conf").resolve("apoc.conf");
    Files.createDirectories(apocConf.getParent());
    Files.writeString(apocConf,
        "# written by tools/neo4j/Launcher.java on every start\n"
            + "apoc.import.file.enabled=false\n"
            + "apoc.import.file.use_neo4j_config=true\n"
            + "apoc.export.file.enabled=false\n");
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("kg-neo4j: shutting down");
      dbms.shutdown();
      System.out.println("kg-neo4j: stopped");
    }, "kg-neo4j-shutdown"));

    // The embedded API runs with full rights, so the password is set here on every start: a
    // fresh store never keeps the default neo4j/neo4j, and a changed NEO4J_PASSWORD takes effect.
    GraphDatabaseService system = dbms.database("system");
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      // Neo4j refuses to "change" a password to the one it already has: nothing to do then.
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
    }

    dbms.database("neo4j"); // fail fast if the default database cannot start
    System.out.printf("kg-neo4j: ready on bolt://127.0.0.1:%d in %.1f s%n", port, (System.nanoTime() - started) / 1e9);
    Thread.currentThread().join();
  }
}
