package dev.faro.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class DuplicatePropertiesRefusedTest {

    record AddressRequest(String email) {}

    private final ObjectMapper json = DuplicatePropertiesRefused.apply(new ObjectMapper());

    @Test
    void aPropertyGivenTwiceIsAParseErrorNamingIt() {
        assertThatThrownBy(() -> json.readValue(
                        "{\"email\": \"a@example.org\", \"email\": \"b@example.org\"}", AddressRequest.class))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("Duplicate field 'email'");
    }

    @Test
    void aPropertyGivenTwiceInANestedObjectIsRefusedToo() {
        assertThatThrownBy(() -> json.readTree("{\"utm\": {\"source\": \"a\", \"source\": \"b\"}}"))
                .isInstanceOf(JsonParseException.class);
    }

    @Test
    void theRefusalIsAProblemNamingTheProperty() {
        JsonParseException duplicate = catchParse("{\"email\": \"a@example.org\", \"email\": \"b@example.org\"}");

        try (Response answer = new ProblemMappers().unparseable(duplicate)) {
            Problem problem = (Problem) answer.getEntity();
            assertThat(answer.getStatus()).isEqualTo(400);
            assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("email");
            assertThat(problem.detail()).isEqualTo("email: is given more than once");
        }
    }

    @Test
    void distinctPropertiesStillRead() throws Exception {
        assertThat(json.readValue("{\"email\": \"a@example.org\"}", AddressRequest.class)
                        .email())
                .isEqualTo("a@example.org");
    }

    private JsonParseException catchParse(String body) {
        try {
            json.readValue(body, AddressRequest.class);
        } catch (JsonParseException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("parsed " + body);
    }
}
