package dev.faro.lead.confirmation;

import dev.faro.support.problem.Problem;
import java.util.List;
import java.util.Locale;

/**
 * What following a confirmation link answers, in the words a person reads (Spanish and English) and as the
 * problem a program reads. A second click answers {@link #CONFIRMED} again.
 */
enum ConfirmationAnswer {
    CONFIRMED(
            200,
            null,
            new Text(
                    "Dirección confirmada",
                    "Gracias: tu dirección de correo está confirmada. En breve recibirás lo que pediste."),
            new Text(
                    "Address confirmed",
                    "Thank you: your email address is confirmed. What you asked for is on its way.")),
    INVALID_LINK(
            400,
            "invalid-link",
            new Text(
                    "Enlace no válido",
                    "Este enlace de confirmación no es válido. Copia el enlace completo del correo que te enviamos o"
                            + " vuelve a enviar el formulario."),
            new Text(
                    "Invalid link",
                    "This confirmation link is not valid. Copy the whole link from the email we sent you, or submit"
                            + " the form again.")),
    EXPIRED(
            410,
            "link-expired",
            new Text(
                    "Enlace caducado",
                    "Este enlace de confirmación ha caducado. Vuelve a enviar el formulario y te mandaremos uno"
                            + " nuevo."),
            new Text(
                    "Link expired",
                    "This confirmation link has expired. Submit the form again and we will send you a new one.")),
    LEAD_GONE(
            404,
            "not-found",
            new Text(
                    "Registro no encontrado",
                    "No encontramos este registro: puede que se haya eliminado. Si quieres, vuelve a enviar el"
                            + " formulario."),
            new Text(
                    "Sign-up not found",
                    "We could not find this sign-up; it may have been deleted. You can submit the form again."));

    /** A heading and a sentence. */
    record Text(String title, String message) {}

    private final int status;
    private final String problemSlug;
    private final Text spanish;
    private final Text english;

    ConfirmationAnswer(int status, String problemSlug, Text spanish, Text english) {
        this.status = status;
        this.problemSlug = problemSlug;
        this.spanish = spanish;
        this.english = english;
    }

    int status() {
        return status;
    }

    /** The text in {@code language} ({@code es} or {@code en}; anything else reads Spanish). */
    Text text(String language) {
        return "en".equals(language == null ? null : language.toLowerCase(Locale.ROOT)) ? english : spanish;
    }

    /** The problem document of a refusal; only for answers other than {@link #CONFIRMED}. */
    Problem problem() {
        Text text = english;
        return Problem.of(problemSlug, text.title(), status, text.message(), List.of());
    }
}
