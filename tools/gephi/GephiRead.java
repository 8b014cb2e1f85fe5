import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Element;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Table;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.importer.api.Report;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Opens a graph file the way Gephi's "Open..." does (Gephi Toolkit's ImportController with its
 * default settings, into a fresh workspace) and prints what Gephi ended up with as one JSON
 * object per file, one line each, on stdout: node and edge counts, the attribute columns (id,
 * title, type, how many elements hold a value), edges per edge type and the importer's issues.
 * The interop tests compare it with NetworkX's reading of the same file.
 *
 *   java -Djava.awt.headless=true -cp gephi-toolkit-0.10.1-all.jar tools/gephi/GephiRead.java FILE...
 */
public class GephiRead {
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: GephiRead FILE...");
      System.exit(2);
    }
    ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
    ImportController importer = Lookup.getDefault().lookup(ImportController.class);
    for (String path : args) {
      File file = new File(path);
      // a fresh project per file, as when an analyst opens it in a new Gephi window
      if (projects.getCurrentProject() != null) projects.closeCurrentProject();
      projects.newProject();
      Workspace workspace = projects.getCurrentWorkspace();
      Container container = importer.importFile(file);
      if (container == null) {
        System.err.println("Gephi has no importer for " + file);
        System.exit(1);
      }
      importer.process(container, new DefaultProcessor(), workspace);
      GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
      System.out.println(describe(path, model, container.getReport()));
    }
    // the toolkit leaves non-daemon threads behind
    System.exit(0);
  }

  private static String describe(String path, GraphModel model, Report report) {
    Graph graph = model.getGraph();
    List<Element> nodes = new ArrayList<>(graph.getNodes().toCollection());
    List<Element> edges = new ArrayList<>(graph.getEdges().toCollection());
    StringBuilder out = new StringBuilder("{");
    out.append("\"file\":").append(json(path));
    out.append(",\"nodes\":").append(graph.getNodeCount());
    out.append(",\"edges\":").append(graph.getEdgeCount());
    out.append(",\"nodeColumns\":").append(columns(model.getNodeTable(), nodes));
    out.append(",\"edgeColumns\":").append(columns(model.getEdgeTable(), edges));
    out.append(",\"nodeLabels\":").append(labelled(nodes));
    out.append(",\"edgeLabels\":").append(labelled(edges));
    // edges per type: Gephi keeps two edges between the same nodes only when their types differ
    Map<String, Integer> types = new TreeMap<>();
    for (Edge e : graph.getEdges()) {
      Object label = model.getEdgeTypeLabel(e.getType());
      types.merge(label == null ? "" : label.toString(), 1, Integer::sum);
    }
    out.append(",\"edgeTypes\":{");
    boolean first = true;
    for (Map.Entry<String, Integer> t : types.entrySet()) {
      if (!first) out.append(',');
      first = false;
      out.append(json(t.getKey())).append(':').append(t.getValue());
    }
    out.append('}');
    out.append(",\"issues\":").append(issues(report));
    return out.append('}').toString();
  }

  /** The data columns (Gephi's own id/label/weight/timeset properties left out). */
  private static String columns(Table table, List<Element> elements) {
    StringBuilder s = new StringBuilder("[");
    boolean first = true;
    for (Column c : table) {
      if (c.isProperty()) continue;
      int values = 0;
      for (Element e : elements) {
        if (e.getAttribute(c) != null) values++;
      }
      if (!first) s.append(',');
      first = false;
      s.append("{\"id\":").append(json(c.getId()));
      s.append(",\"title\":").append(json(c.getTitle()));
      s.append(",\"type\":").append(json(c.getTypeClass().getSimpleName()));
      s.append(",\"values\":").append(values).append('}');
    }
    return s.append(']').toString();
  }

  private static int labelled(List<Element> elements) {
    int n = 0;
    for (Element e : elements) {
      if (e.getLabel() != null && !e.getLabel().isEmpty()) n++;
    }
    return n;
  }

  private static String issues(Report report) {
    StringBuilder s = new StringBuilder("[");
    boolean first = true;
    for (Issue issue : report.getIssuesList(Integer.MAX_VALUE)) {
      if (!first) s.append(',');
      first = false;
      s.append("{\"level\":").append(json(issue.getLevel().toString()));
      s.append(",\"message\":").append(json(issue.getMessage())).append('}');
    }
    return s.append(']').toString();
  }

  private static String json(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') s.append('\\').append(c);
      else if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
      else s.append(c);
    }
    return s.append('"').toString();
  }
}
