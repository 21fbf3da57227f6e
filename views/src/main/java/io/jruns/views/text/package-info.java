/** The views as plain text, for the command line and for consoles: one table, one run page. */
package io.jruns.views.text;
