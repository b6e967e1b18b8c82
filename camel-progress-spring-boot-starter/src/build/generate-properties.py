#!/usr/bin/env python3
"""Writes ProgressComponentConfiguration.java and additional-spring-configuration-metadata.json from the
component's generated progress.json, one property per component option. Run it after the component's options
change; ProgressComponentConfigurationTest fails until it has been run."""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[3]
HERE = ROOT / "camel-progress-spring-boot-starter"
CATALOG = ROOT / "camel-progress-component/src/generated/resources/META-INF/io/camelprogress/component/progress.json"
JAVA = HERE / "src/main/java/io/camelprogress/springboot/ProgressComponentConfiguration.java"
METADATA = HERE / "src/main/resources/META-INF/additional-spring-configuration-metadata.json"
PREFIX = "camel.component.progress"


def java_type(option):
    kind, java = option["type"], option["javaType"]
    if kind == "boolean":
        return "Boolean"
    if kind == "integer":
        return "Long" if java == "long" else "Integer"
    # durations ("1s", "500ms" or milliseconds), enums by name and beans by reference ("#bean:name") are
    # converted by Camel's own property binding, as Camel Main does
    return "String"


def kebab(name):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", name).lower()


def javadoc(text):
    text = text.replace("*/", "*&#47;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def main():
    options = json.loads(CATALOG.read_text())["componentProperties"]
    fields, accessors, puts, meta = [], [], [], []
    for name, option in options.items():
        jtype = java_type(option)
        note = {"duration": " A duration: milliseconds, or as in 1s, 500ms, 2m.",
                "object": " A bean reference, as in #bean:name, of type " + option["javaType"] + "."}.get(option["type"], "")
        if option["type"] == "enum":
            note = " One of: " + ", ".join(option["enum"]) + "."
        description = option["description"] + note
        fields.append(f"    /**\n     * {javadoc(description)}\n     */\n    private {jtype} {name};\n")
        cap = name[0].upper() + name[1:]
        accessors.append(f"    public {jtype} get{cap}() {{\n        return {name};\n    }}\n\n"
                         f"    public void set{cap}({jtype} {name}) {{\n        this.{name} = {name};\n    }}\n")
        puts.append(f"        put(options, \"{name}\", {name});\n")
        entry = {"name": f"{PREFIX}.{kebab(name)}"}
        if "defaultValue" in option:
            entry["defaultValue"] = option["defaultValue"]
        meta.append(entry)
        if option["type"] == "enum":
            meta_hint = {"name": f"{PREFIX}.{kebab(name)}", "values": [{"value": v} for v in option["enum"]]}
            meta[-1]["_hint"] = meta_hint
    hints = [m.pop("_hint") for m in meta if "_hint" in m]
    meta.append({"name": f"{PREFIX}.servlet.enabled", "type": "java.lang.Boolean", "defaultValue": True,
                 "description": "Whether the streams are served on the application's own port through the servlet"
                                " container (else the component serves them as without Spring Boot: platform-http's"
                                " Vert.x router, or a server of its own on host:port)."})
    JAVA.write_text(f"""package io.camelprogress.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The progress component's options as Spring Boot binds them from {{@code {PREFIX}.*}}: one property per
 * option of the component, with its description. Generated from the component's progress.json by
 * src/build/generate-properties.py; do not edit.
 */
@ConfigurationProperties(prefix = "{PREFIX}")
public class ProgressComponentConfiguration {{

{chr(10).join(fields)}
    /** The options that are set, by their Camel names, for Camel's property binding. */
    public Map<String, Object> options() {{
        Map<String, Object> options = new LinkedHashMap<>();
{"".join(puts)}        return options;
    }}

    private static void put(Map<String, Object> options, String name, Object value) {{
        if (value != null) {{
            options.put(name, value);
        }}
    }}

{chr(10).join(accessors)}}}
""")
    METADATA.write_text(json.dumps({"properties": meta, "hints": hints}, indent=2) + "\n")


if __name__ == "__main__":
    main()
