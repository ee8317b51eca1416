package io.ticketing.user.auth;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

/** Refuses the passwords of nbvcxz's list of the 100,000 most used ones, in any case ("PassWord1" too). */
public class UncommonPasswordValidator implements ConstraintValidator<AcceptablePassword, CharSequence> {

    @Override
    public boolean isValid(CharSequence password, ConstraintValidatorContext context) {
        return password == null || !CommonPasswords.LOWER_CASE.contains(lowerCase(password));
    }

    private static String lowerCase(CharSequence text) {
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Loaded once, on the first check. Only the password list is read: nbvcxz's default dictionaries
     * ({@code ConfigurationBuilder.getDefaultDictionaries()}) would also load its name and word lists, which a
     * membership test does not need.
     */
    private static final class CommonPasswords {

        static final Set<String> LOWER_CASE =
                DictionaryUtil.loadUnrankedDictionary(DictionaryUtil.passwords).keySet().stream()
                        .map(UncommonPasswordValidator::lowerCase)
                        .collect(Collectors.toUnmodifiableSet());
    }
}
