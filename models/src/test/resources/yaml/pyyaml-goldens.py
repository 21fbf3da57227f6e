# Writes the golden files YamlGoldenTest compares jruns' YAML with, using PyYAML the way
# MLflow does: yaml.safe_dump(data, default_flow_style=False) (MLmodel), plus allow_unicode=True
# for the file store's meta.yaml. Run: python3 pyyaml-goldens.py (PyYAML 6.0.3 wrote these).
import yaml

STRINGS = ["plain", "model.ser", "io.jruns.model.JavaSerializationFlavor", "tech.tablesaw:tablesaw-core:0.44.4",
           "true", "False", "null", "~", "yes", "y", "1.0", "3.10.12", "0123abc", "0123", "-1", "1_000", "0x1F",
           ".inf", ".NaN", "", " leading", "trailing ", "a: b", "a:b", "a #b", "a#b", "#comment", "- item", "-x",
           "it's", "'quoted'", "\"dq\"", "[1, 2]", "{a: 1}", "&anchor", "*ref", "!tag", "|", ">", "%x", "@x",
           "`x", "<<", "=", "?", "? x", "line\nbreak", "tab\there", "bell\u0007", "\u00fcmlaut \u2713",
           "2024-03-01", "2024-03-01 10:11:12.123456", "file:///home/ann/wine/mlruns/0", "fold: 1", "wine quality",
           "[{\"type\": \"double\", \"name\": \"x\", \"required\": true}]",
           "a long value with spaces that PyYAML folds over several lines once it passes eighty columns, twice"]
SINGLE_LINE = [s for s in STRINGS if "\n" not in s]


def dump(path, data, **kw):
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(data, f, default_flow_style=False, **kw)


dump("strings.yaml", {"strings": STRINGS, "keys": {s: "v" for s in SINGLE_LINE}, "numbers": [0, -7, 1721450905103],
                      "flags": [True, False, None], "empty_map": {}, "empty_list": []}, allow_unicode=True)

inputs = ", ".join('{"type": "%s", "name": "%s", "required": true}' % (t, n) for n, t in
                   [("fixed acidity", "double"), ("volatile acidity", "double"), ("citric acid", "double"),
                    ("quality", "long")])
dump("MLmodel", {
    "artifact_path": "model",
    "flavors": {"java_function": {"data": "model.ser", "env": "java_env.yaml", "java_version": "17",
                                  "loader_class": "io.jruns.model.JavaSerializationFlavor",
                                  "model_class": "smile.regression.LinearModel"}},
    "model_size_bytes": 12345,
    "model_uuid": "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
    "run_id": "1c6b2d5b909041df93e6e00b960de019",
    "saved_input_example_info": {"artifact_path": "input_example.json", "pandas_orient": "split", "type": "dataframe"},
    "signature": {"inputs": "[" + inputs + "]", "outputs": '[{"type": "double", "name": "prediction", "required": true}]',
                  "params": None},
    "utc_time_created": "2024-03-01 10:11:12.123456",
})

dump("java_env.yaml", {"java_version": "17.0.9", "java_vendor": "Eclipse Adoptium",
                       "maven": ["tech.tablesaw:tablesaw-core:0.44.4", "com.github.haifengl:smile-core:3.1.1"],
                       "jars": {"/home/ann/lib/own.jar": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                "/home/ann/lib/unhashed.jar": ""}}, sort_keys=False)
