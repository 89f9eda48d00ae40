package edu.scrutiny.app.reference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** The research-area taxonomy. */
@Service
public class ResearchAreas {
    private final JdbcClient jdbc;

    ResearchAreas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ResearchArea> all() {
        return jdbc.sql("SELECT code, name, sensitive, source FROM research_area ORDER BY code")
                .query(ResearchArea.class).list();
    }

    public Optional<ResearchArea> find(String code) {
        return jdbc.sql("SELECT code, name, sensitive, source FROM research_area WHERE code = :code")
                .param("code", code).query(ResearchArea.class).optional();
    }
}
