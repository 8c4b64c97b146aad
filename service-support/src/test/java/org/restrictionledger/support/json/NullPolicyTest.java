package org.restrictionledger.support.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NullPolicyTest {

    record Item(String name, String nothing, Optional<String> maybe, List<String> none, Map<String, String> labels) {
    }

    @Test
    void absentMembersAreLeftOutAndEmptyOnesStay() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
        new NullPolicy().customize(mapper);
        java.util.HashMap<String, String> labels = new java.util.HashMap<>();
        labels.put("kept", null);
        assertEquals("{\"name\":\"x\",\"none\":[],\"labels\":{\"kept\":null}}",
                mapper.writeValueAsString(new Item("x", null, Optional.empty(), List.of(), labels)));
    }
}
