import type { MultiDirectedGraph } from "graphology";
import type { Link } from "../../../src/model/link.js";

/** A node of the viewer's graph: the API's GraphNode plus its position. */
export interface ViewerNodeAttributes {
  type: string;
  name: string;
  aliases: string[];
  claims: number;
  degree: number;
  x: number;
  y: number;
  /** sigma draws these */
  label: string;
  color?: string;
  size?: number;
}

/** An edge: the Link without its endpoints and id (the graph holds them). */
export type ViewerEdgeAttributes = Omit<Link, "id" | "source" | "target"> & {
  color?: string;
  size?: number;
  /** drawn when edge labels are on */
  label?: string;
};

export type ViewerGraph = MultiDirectedGraph<ViewerNodeAttributes, ViewerEdgeAttributes>;
