package gov.alacop.keycloak.adminrest.setup;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * The token claims applications expect ({@code upn}, {@code amr}): the shipped {@code lets} client's
 * {@code alacop ...} protocol mappers, copied onto the clients the setup is asked to bind. Other clients are never
 * touched.
 */
final class ClaimsSetup {

    private final List<ClientModel> clients;
    private final ShippedRealm shipped;
    private final SetupPlan plan;

    ClaimsSetup(List<ClientModel> clients, ShippedRealm shipped, SetupPlan plan) {
        this.clients = clients;
        this.shipped = shipped;
        this.plan = plan;
    }

    void plan() {
        for (ClientModel client : clients) {
            for (ProtocolMapperRepresentation wanted : shipped.clientMappers()) {
                planMapper(client, wanted);
            }
        }
    }

    /** Keycloak does not store blank mapper settings: a blank one in the file means "not set". */
    private static Map<String, String> stored(Map<String, String> config) {
        Map<String, String> stored = new TreeMap<>();
        if (config != null) {
            config.forEach((key, value) -> {
                if (value != null && !value.isBlank()) {
                    stored.put(key, value);
                }
            });
        }
        return stored;
    }

    private void planMapper(ClientModel client, ProtocolMapperRepresentation shippedMapper) {
        ProtocolMapperRepresentation wanted = new ProtocolMapperRepresentation();
        wanted.setName(shippedMapper.getName());
        wanted.setProtocol(shippedMapper.getProtocol());
        wanted.setProtocolMapper(shippedMapper.getProtocolMapper());
        wanted.setConfig(stored(shippedMapper.getConfig()));
        String what = "client '" + client.getClientId() + "': token mapper '" + wanted.getName() + "'";
        ProtocolMapperModel existing = client.getProtocolMapperByName(wanted.getProtocol(), wanted.getName());
        String clientId = client.getId();
        if (existing == null) {
            plan.change(what, null, wanted.getProtocolMapper() + " " + wanted.getConfig(), () -> {
                ClientModel target = client.getRealm().getClientById(clientId);
                target.addProtocolMapper(RepresentationToModel.toModel(wanted));
            });
        } else if (!Objects.equals(existing.getProtocolMapper(), wanted.getProtocolMapper())
                || !stored(existing.getConfig()).equals(wanted.getConfig())) {
            plan.change(what, existing.getProtocolMapper() + " " + existing.getConfig(),
                    wanted.getProtocolMapper() + " " + wanted.getConfig(), () -> {
                        ProtocolMapperModel model = RepresentationToModel.toModel(wanted);
                        model.setId(existing.getId());
                        client.getRealm().getClientById(clientId).updateProtocolMapper(model);
                    });
        }
    }
}
