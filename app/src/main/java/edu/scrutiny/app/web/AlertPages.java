package edu.scrutiny.app.web;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.monitoring.Alert;
import edu.scrutiny.app.monitoring.Alerts;
import edu.scrutiny.app.support.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The open alerts; acknowledging one (htmx replaces its row, or the page reloads without htmx). */
@Controller
class AlertPages {
    private final Alerts alerts;

    AlertPages(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    String open(Model model) {
        model.addAttribute("alerts", alerts.open());
        return "alerts";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id, Actor actor, HttpServletRequest request, Model model) {
        alerts.find(id).orElseThrow(() -> new NotFound("no alert " + id));
        Alert acknowledged = alerts.acknowledge(id, actor.username());
        if (WebSupport.htmx(request)) {
            model.addAttribute("alert", acknowledged);
            return "alert-row :: row";
        }
        return "redirect:/alerts";
    }
}
