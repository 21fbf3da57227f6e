/**
 * What every benchmark's child JVM uses: figures reported to the parent, order statistics and
 * clean-up. The b* benchmarks and the parent ({@code io.jruns.bench}) depend on it, never back.
 */
package io.jruns.bench.child;
