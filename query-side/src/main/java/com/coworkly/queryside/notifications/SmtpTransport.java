package com.coworkly.queryside.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;

/** Sends over SMTP with Spring's {@link JavaMailSender}, configured by {@code spring.mail.*}. */
class SmtpTransport implements MailTransport {

    private final JavaMailSender sender;
    private final String from;

    SmtpTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(OutboundEmail email) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(email.recipient());
            helper.setSubject(email.subject());
            helper.setText(email.body(), false);
            // Kept by JavaMailSenderImpl, which otherwise lets Jakarta Mail make up a new one for every send.
            message.setHeader("Message-ID", email.messageId());
        } catch (MessagingException e) {
            throw new MailPreparationException("could not build email " + email.id(), e);
        }
        sender.send(message);
    }
}
