package io.ticketing.support.messaging;

import static java.lang.String.format;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Member;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's aggregate as Axon's {@link AnnotationCommandTargetResolver} does (the first method, else field,
 * annotated {@link TargetAggregateIdentifier} or {@link TargetAggregateVersion}, meta-annotations included), but
 * looks for those members once per command type instead of once per command. Axon's searches every method and field
 * of the command's class, each with all its annotations' meta-annotations, twice for every command (no command names
 * a version, so that search always runs to the end): an eighth of the platform's CPU in a flat-out profile
 * (docs/benchmarks.md).
 */
public final class RememberingCommandTargetResolver implements CommandTargetResolver {

    private final ConcurrentMap<Class<?>, Target> targets = new ConcurrentHashMap<>();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Target target = targets.computeIfAbsent(command.getPayloadType(), Target::of);
        Object payload = command.getPayload();
        Object identifier =
                target.identifier().map(member -> valueOf(member, payload)).orElse(null);
        if (identifier == null) {
            throw new IllegalArgumentException(format(
                    "Invalid command. It does not identify the target aggregate. Make sure at least one of the fields"
                            + " or methods in the [%s] class contains the @TargetAggregateIdentifier annotation and"
                            + " that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        Long version = target.version()
                .map(member -> valueOf(member, payload))
                .map(RememberingCommandTargetResolver::asLong)
                .orElse(null);
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private static Object valueOf(Member member, Object payload) {
        try {
            return ReflectionUtils.getMemberValue(member, payload);
        } catch (IllegalStateException unreadable) {
            throw new IllegalArgumentException(
                    "An exception occurred while extracting aggregate information from a command", unreadable);
        }
    }

    private static Long asLong(Object version) {
        return version instanceof Number number ? number.longValue() : Long.parseLong(version.toString());
    }

    /** The members of a command type that name its aggregate and the version it expects, if any. */
    private record Target(Optional<Member> identifier, Optional<Member> version) {

        static Target of(Class<?> commandType) {
            return new Target(
                    annotated(commandType, TargetAggregateIdentifier.class),
                    annotated(commandType, TargetAggregateVersion.class));
        }

        private static Optional<Member> annotated(Class<?> commandType, Class<? extends Annotation> annotation) {
            return Stream.<AccessibleObject>concat(
                            stream(ReflectionUtils.methodsOf(commandType)),
                            stream(ReflectionUtils.fieldsOf(commandType)))
                    .filter(member -> AnnotationUtils.isAnnotationPresent(member, annotation))
                    .map(member -> (Member) ReflectionUtils.ensureAccessible(member))
                    .findFirst();
        }

        private static <T extends AccessibleObject> Stream<T> stream(Iterable<T> members) {
            return StreamSupport.stream(members.spliterator(), false);
        }
    }
}
