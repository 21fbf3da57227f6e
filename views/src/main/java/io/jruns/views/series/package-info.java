/** Metric histories made ready to draw: the one thinning rule the sparklines and the UI's charts share. */
package io.jruns.views.series;
