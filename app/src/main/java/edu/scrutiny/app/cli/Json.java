package edu.scrutiny.app.cli;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the command line. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }
}
