package io.jruns.internal.yaml;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.yaml.snakeyaml.DumperOptions;

import java.io.IOException;
import java.io.Writer;

/**
 * A YAML factory whose generator quotes strings where PyYAML quotes them (Jackson's own
 * MINIMIZE_QUOTES double-quotes {@code '1'}, {@code 'true'} and {@code ''}, and writes
 * multi-line text as {@code |} blocks, which PyYAML does not).
 */
final class PyYamlFactory extends YAMLFactory {
    PyYamlFactory(YAMLFactoryBuilder b) {
        super(b);
    }

    /** PyYAML's defaults: block style, indent 2, lists not indented under their key, lines folded at 80. */
    static DumperOptions dumperOptions() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setWidth(80);
        o.setSplitLines(true);
        o.setAllowUnicode(true); // as MLflow's file store writes meta.yaml (allow_unicode=True)
        o.setExplicitStart(false);
        return o;
    }

    @Override
    protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
        return new Generator(ctxt, _generatorFeatures, _yamlGeneratorFeatures, _objectCodec, out, dumperOptions());
    }

    private static final class Generator extends YAMLGenerator {
        Generator(IOContext ctxt, int jsonFeatures, int yamlFeatures, ObjectCodec codec, Writer out,
                  DumperOptions options)
                throws IOException {
            super(ctxt, jsonFeatures, yamlFeatures, null, codec, out, options);
        }

        /** Keys and string values ("string") get PyYAML's style; numbers, booleans and null stay plain. */
        @Override
        protected void _writeScalar(String value, String type, DumperOptions.ScalarStyle style) throws IOException {
            super._writeScalar(value, type, "string".equals(type) ? PyYamlStyle.of(value) : style);
        }
    }
}
