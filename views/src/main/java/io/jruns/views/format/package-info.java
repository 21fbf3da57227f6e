/** How values read to a person (numbers, durations, times, sizes, counts) and what kind of value a param is. */
package io.jruns.views.format;
