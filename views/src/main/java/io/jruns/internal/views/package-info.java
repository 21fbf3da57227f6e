/** How the runs table orders its rows (nested runs under their parent) and picks its columns; not API. */
package io.jruns.internal.views;
