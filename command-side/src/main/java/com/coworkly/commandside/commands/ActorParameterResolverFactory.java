package com.coworkly.commandside.commands;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Lets command handlers declare an {@link Actor} parameter. A command without an actor is refused: every
 * command is asked for by someone, a person or a named system process.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (!Actor.class.equals(parameters[index].getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                Object id = message.getMetaData().get(Actor.ID_KEY);
                if (id == null) {
                    throw new IllegalStateException(
                            "command " + message.getPayloadType().getSimpleName() + " carries no actor");
                }
                return Actor.fromText(
                        id.toString(), (String) message.getMetaData().get(Actor.ROLES_KEY));
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }
}
